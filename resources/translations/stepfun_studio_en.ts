<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About StepFun Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>StepFun Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A desktop studio for StepFun's text-to-image API: prompts, redraws, style references, image edits and a local library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PySide6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>openai SDK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ApiConfig</name>
    <message>
        <source>The server address must start with https:// (it is “{url}”).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server address {url} uses plain http, which would send your API key unencrypted. Use https://, or http:// only to this computer (127.0.0.1, localhost).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server address “{url}” is not a valid URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown provider “{provider}”. Choose one of: {providers}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Studio cannot speak the protocol “{protocol}” of {provider}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The connection broke before the answer arrived. Check your connection and try again; the image may have been billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's answer could not be read. Try again; if it keeps happening, send the trace id to StepFun support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server sent something that is not a usable picture. Try again; if it keeps happening, send the trace id to StepFun support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture was blocked by moderation. Change the prompt and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture's download link had already expired. Generate it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The finished picture could not be downloaded. Check your connection and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused a parameter. Change it and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The built-in stand-in failed (HTTP {status}). Nothing was billed: it is a local demo. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server took longer than {seconds} seconds in all. Try again later; if the request reached the server, the image may have been billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's answer could not be read. Try again; if it keeps happening, send the trace id to {provider} support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server sent something that is not a usable picture. Try again; if it keeps happening, send the trace id to {provider} support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes at most {allowed} pictures in one request; this one has {count}. Remove some references.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} has no model called {model}. Choose one of: {models}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} has no free way to test a key. Generate one picture to check it (that picture is billed).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} did not accept the API key. Check the key in Settings, or the {env} environment variable, and that it belongs to this server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} refused this request for your account (HTTP 403). Check on the provider's website that the key may use this model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider}: the balance or quota of this account is used up. Top it up on the provider's website, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} blocked the prompt or a picture (moderation). Change the prompt or the pictures and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider}: too many requests for this account. Wait a moment, or lower the number of images at once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider}: the server had trouble (HTTP {status}). Try again later; this image may already have been billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} refused a parameter. Change it and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} does not take the size {size}. It takes: {sizes}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} does not offer the model {model} to this key. Choose another model, or check on the provider's website that the model is enabled for your account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider}: the server does not know this address. Check the server address in Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} could not make this picture. Try again, or change the prompt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No API key is set for {provider}. Enter it in Settings, or set the {env} environment variable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes {option} {values}, not “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} was retired by StepFun on {date} (the server answered HTTP {status}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} is being retired by StepFun on {date}, and its server already refuses it (HTTP {status}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No API key is set. Enter your StepFun API key in Settings, or set the STEPFUN_API_KEY environment variable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>StepFun named {replacement} as its replacement, which was retired too, on {date}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pictures can be made today with: {providers}. Choose one in Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>StepFun names {replacement} as its replacement.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your StepFun balance is used up. Top it up on the StepFun platform.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The built-in stand-in failed. Nothing was billed: it is a local demo. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not know this address. Check the server address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many requests for your account tier. Wait a moment, or lower the number of images at once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The prompt or the picture was blocked by moderation. Change the prompt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not connect to the server. Check your internet connection and the server address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's answer was cut off. Try again; the image may have been billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server answered with an unexpected HTTP status {status}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server took too long to answer. Check your connection and try again; if the request reached the server, the image may have been billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API key was not accepted by StepFun. Check the key in Settings (or the STEPFUN_API_KEY environment variable), and that the region matches it (a key from api.stepfun.com does not work on api.stepfun.ai).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not reach the server in time. Check your connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>StepFun's server had trouble (HTTP {status}). Try again later; this image may already have been billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The download link answered HTTP {status}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ApiKeyPanel</name>
    <message>
        <source>The key will be removed when you press OK.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new key is saved when you press OK.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key comes from the {variable} environment variable and is used for this run. Unset the variable to use a key saved here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key is saved in the system keyring ({backend}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>system keyring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key is kept in memory for this session only and is forgotten when the app quits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key is set. A server that needs none is used as soon as its address is set below; until then pictures are drawn locally (demo mode).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key is set: {provider}'s pictures are drawn locally (demo mode).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set by {variable} for this run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste your {provider} API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key is removed when you press OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove key</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AppError</name>
    <message>
        <source>trace id {trace_id}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>StepFun Studio met an unexpected problem ({kind}). Your library and queue are safe; you can keep working. The details were written to the log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>StepFun Studio cannot write its folder {path} ({reason}). Make the folder writable, free some space, or point STEPFUN_STUDIO_HOME at a folder you can write to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>StepFun Studio cannot start</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Assistant</name>
    <message>
        <source>{provider} has no chat model Studio can use for the prompt assistant. Use a StepFun or OpenAI key for it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The chat model answered with no text. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No answer within {seconds:g} s; the call was given up. It may still be billed. Try again when the service answers faster.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown style “{style}”. Choose one of: {styles}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photograph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Illustration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ink wash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product shot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Anime</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3D render</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Watercolour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cinematic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The assistant failed on Studio's side ({error}).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <source>The budget must be above 0, or left empty for no cap.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The model table gives no price for this model, so a budget cannot be kept; remove the budget to run it anyway.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cost unknown (no price in the model table)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} pictures · {cost} · about {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} pictures cost about {total}, over the budget of {budget}. Raise the budget, or choose at most {fits} pictures.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{n} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Studio failed on its side ({error}); the log has the details.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture could not be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That batch is gone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The batch stopped at its budget; {count} pictures were not sent. Raise the budget to send them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown model “{model}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent before Studio stopped, with no answer since: it may have been made and billed. It is sent again only if you ask.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Redraw each picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit each picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use each picture as a reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop a folder or pictures here, or add them below. {count} pictures.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Pictures…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Each picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Small stays close to the picture; 1 ignores it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a watercolour of the {filename}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{filename} becomes each picture's file name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the .txt beside a picture as its prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop before passing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At the model table's price; the time at {at_once} at once and {per_minute} a minute, the limits Studio keeps for this provider.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no pictures; choose another model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add pictures to make a batch.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a prompt, or use the .txt beside each picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a Folder of Pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From a collection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the pictures…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Batch {time} · {folder}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is sent before you press Start.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BatchRunPanel</name>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel Batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send Again…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the pictures that may have been billed, failed or were cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Earlier batches…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send Again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} pictures may have been made and billed already, failed or were cancelled. Send them again? Each may be billed again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}: {state}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} on their way</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} may have been billed (not sent again unless you ask)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on its way</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>may have been billed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stopped at the budget</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaptionDialog</name>
    <message>
        <source>Stopped; start again to go on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caption Pictures for Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counting the pictures without a caption…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every picture has a caption; search already sees them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (demo: nothing is billed)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n picture(s) have no caption (imported ones are done first). {who} will describe each for search; estimated cost {cost}.</source>
        <translation>
            <numerusform>%n picture have no caption (imported ones are done first). {who} will describe each for search; estimated cost {cost}.</numerusform><numerusform>%n pictures have no caption (imported ones are done first). {who} will describe each for search; estimated cost {cost}.</numerusform></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{done} captioned, {failed} failed, spent {cost}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every picture has a caption now.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CheckLibraryDialog</name>
    <message>
        <source>Checking the library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rebuild library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rebuild reads every picture file and builds the library's database anew. Ratings, favourites, tags, notes and collections come back from the edits journal kept beside the pictures; the current database is kept as a copy beside it. It can take minutes for a large library, and the gallery reloads afterwards.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rebuild library repairs this: it reads the database again from the pictures.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rebuilding the library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rebuilding the library: %1 of %2 pictures read…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit Studio and run `stepfun-studio library rebuild` to try again; the database copy made before the rebuild (library.db.before-rebuild-…) is beside the pictures.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library could not be read: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>what to draw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sampling steps (default: the model's)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something was nested too deeply to read; nothing more was done.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Studio ran out of memory; nothing more was done.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commands: {commands}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Studio failed on its side ({error}: {detail}); this is a bug.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>If your server takes them, say so: --server-fields seed,steps,guidance,negative_prompt,strength (the ones it takes).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} retired {model} on {date}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} retires {model} on {date}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None of {provider}'s models can do this; its models: {models}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no {refused}; it takes {takes}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no {refused}; it takes only a prompt and a size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--server-fields describes a server whose models you name; use it with --provider {providers}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} has no model “{model}”; its models: {models}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{flag}: character {position} is not valid text (bytes that are not UTF-8 reached the command line). Check the terminal's encoding.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Providers that work: --provider {providers} (`stepfun-studio providers` lists their models).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--provider {provider} needs --model: the name your server knows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown model “{model}”. `stepfun-studio providers` lists the models; for a model on your own server use --provider {custom} --model {model}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It names {replacement} as the replacement.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} is a model of --provider {other}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This version reads the key for {provider} from {variable} only, not the keyring.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No {variable} is set: using the local stand-in server at {url}. The pictures are drawn on this computer and nothing is billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{source}: the server address holds a space, line break or control character (at character {position}). Give the address alone, e.g. https://api.example.com/v1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--region: {provider} has the regions {regions}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No API key for {provider}: set {variable}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--base-url: {provider} has no address of its own; give your server's.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's answer is nested too deeply to read; the picture may be billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--timeout: give a number of seconds above 0.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No picture within {seconds:g} s; the request was given up. The server may still finish it and bill it. Use --timeout to wait longer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Studio failed on its side ({error}); this is a bug, please report it. The picture may have been billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} more pictures were not sent after that error.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} added to Studio's library ({where}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture was not added to Studio's library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Studio's library at {where} cannot be opened: {reason} Nothing was sent. Fix that, or add --no-library to keep the pictures in --out only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image {number}: the picture is kept at {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image {number}: not added to Studio's library ({error}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was deleted. `stepfun-studio library rebuild` builds the database again from the pictures.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library is in order: every image has its file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images whose file is missing: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference images missing: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Files not in the library: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture could not be written to {out}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--out: {out} is not a folder. Name a folder for the pictures.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--out: pictures cannot be written to {out} ({reason}). Nothing was sent; choose another folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--out: {out} is not a valid path.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>where to send it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>where the pictures go</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the picture (only what the model takes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pictures to start from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generate pictures with an image API, and keep them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image API (default: the model's, or stepfun)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>model (default: the provider's first model for the mode); any name with --provider compatible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>another server address: https://, or http:// to this computer only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cost unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a prompt for a picture like this one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make a prompt richer in a style, or translate it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caption pictures for search.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>whose chat models to use (default: stepfun)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the provider's region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the prompt's language (default: both)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the style to write it in (default: photo)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>translate between Chinese and English instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at most this many characters (default 1000)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a prompt to polish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--limit: from 10 to 32000 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at most N pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--limit: at least 1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>({model}: {tokens_in} + {tokens_out} tokens, {cost})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every picture already has a caption.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{done} captioned, {failed} failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Picture {id} was not captioned.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One redraw, edit or reference job per picture of a folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every flag of `stepfun-studio generate` that says where and what is sent works here too: --provider, --model, --base-url, --region, --tier, --size, --seed, --steps, --cfg, --source-weight, --quality, ….</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a folder of pictures, or one picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the prompt; {filename} becomes each file's name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>what each picture is</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>prompts from NAME.txt beside a picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stop before passing this cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the batch's name (and its collection's)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>print count, cost and time; send nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>carry on with an earlier batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>with --resume: also send again pictures that may have been billed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name a folder of pictures (or --resume ID).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a prompt, or --sidecar for a .txt beside each picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--resend goes with --resume ID.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no pictures at all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>batch takes its pictures from the folder, one picture each, into the library: {flags} cannot be used here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No pictures in {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>batch {id}: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing left to send in batch {id}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture was not added to the library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--mode: {model} takes {modes}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no batch {id}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} pictures may have been billed already and are not sent again; add --resend to send them too.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped at the budget: {count} pictures were not sent. --resume {id} --budget AMOUNT carries on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No picture within {seconds:g} s; it may still be made and billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make an X/Y grid: one picture for every combination of two axes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>columns: seed, steps, cfg, weight, model or prompt (search/replace)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rows (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--n: a grid makes one picture per cell; leave --n out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The grid picture could not be written to --out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} pictures ({columns} × {rows}), estimated {cost}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>price unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The grid's pictures are in the collection “{name}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous database was set aside, not deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{applied} edits (ratings, favourites, tags, notes, collections) were restored from the edits journal.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{skipped} damaged lines of the edits journal were skipped; the log names them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>give up on a picture after this many seconds (default 600)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>do not add the pictures to Studio's library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WIDTHxHEIGHT, e.g. 1024x1536 (default: the model's)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>how many pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>0 = random; N pictures use S, S+1, …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>guidance (CFG) scale (default: the model's)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>what to avoid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. low, medium, high, auto</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. transparent, opaque, auto</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>png, jpeg or webp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>low or high (edits)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the provider's mark on the picture (off unless asked for)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>redraw from this picture (image2image)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>0–1; small stays close (default 0.5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>style weight, 0–2 (default 1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>edit this picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a reference picture (repeat for several, in order)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown field {fields}; the fields are {known}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>with --provider compatible: the extra fields your server takes, from {fields}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the input's size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no seed, steps or cfg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(each only when named in --server-fields)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{amount} a picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>retired {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>echoed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not echoed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>negative prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>text mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a style reference with a weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a mask (edits)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>modes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sizes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>takes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>references</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>key: {variable}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image APIs Studio speaks, their models and what they take.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>as JSON, for scripts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>only this provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>text to image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>steps {range}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>key: {variable} or the keyring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(default {value})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(by {option}: {listed})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>or any WxH with {rule}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(replacement {model})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>seed {low}–{high} ({echoed})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cfg {range}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>up to {n} reference pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{n} per request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>server: {where}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>redraw with a weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>redraw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sides multiples of {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{low}–{high} pixels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no side over {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at most {ratio}:1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>redraw {range}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>for {modes}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>yours (--base-url)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>models: any your server serves (--model NAME); say which extra fields it takes with --server-fields {fields}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>borrow the colours and style of this picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>render text well (Image Edit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>how the picture travels (a url is downloaded at once)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>account tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image {number}: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interrupted.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CollectionsSidebar</name>
    <message>
        <source>New collection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LIBRARY</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>♥ Favourites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>COLLECTIONS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename collection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete collection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete this collection? Its images stay in the library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New collection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wheel zooms and dragging pans, in step across all images.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Left of the line: the source image. Right: the result.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompatibleModelsEditor</name>
    <message>
        <source>Models on this server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It also takes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sizes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As the server names it, e.g. black-forest-labs/FLUX.1-dev</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 1024x1024 1328x1328; empty: the usual sizes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guidance (CFG)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Negative prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strength (redraw)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tick only what your server accepts: Studio sends a field only when it is ticked, and a server may refuse a request with a field it does not know.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Unknown provider “{provider}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is a key for {provider} but no server address: enter it in Settings ▸ Providers, or set {variable}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CreativeTools</name>
    <message>
        <source>Edit Caption…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Describe…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Style “{name}” applied.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Polish</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Translate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a picture first, then Describe it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture could not be read: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Caption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the picture shows (search finds these words):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caption saved.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CullingController</name>
    <message numerus="yes">
        <source>Rate %n image(s)</source>
        <translation>
            <numerusform>Rate %n image</numerusform><numerusform>Rate %n images</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Rated %n image(s): </source>
        <translation>
            <numerusform>Rated %n image: </numerusform><numerusform>Rated %n images: </numerusform></translation>
    </message>
    <message>
        <source>no stars</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Favourite %n image(s)</source>
        <translation>
            <numerusform>Favourite %n image</numerusform><numerusform>Favourite %n images</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Unfavourite %n image(s)</source>
        <translation>
            <numerusform>Unfavourite %n image</numerusform><numerusform>Unfavourite %n images</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Reject %n image(s)</source>
        <translation>
            <numerusform>Reject %n image</numerusform><numerusform>Reject %n images</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Unreject %n image(s)</source>
        <translation>
            <numerusform>Unreject %n image</numerusform><numerusform>Unreject %n images</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Move %n image(s) to the trash</source>
        <translation>
            <numerusform>Move %n image to the trash</numerusform><numerusform>Move %n images to the trash</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Moved %n image(s) to the trash (Ctrl+Z to undo)</source>
        <translation>
            <numerusform>Moved %n image to the trash (Ctrl+Z to undo)</numerusform><numerusform>Moved %n images to the trash (Ctrl+Z to undo)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Restore %n image(s)</source>
        <translation>
            <numerusform>Restore %n image</numerusform><numerusform>Restore %n images</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n image(s) for good</source>
        <translation>
            <numerusform>Deleted %n image for good</numerusform><numerusform>Deleted %n images for good</numerusform></translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; No {provider} key is set, so pictures are drawn locally by a built-in stand-in server. They are test patterns, not {provider} images, and nothing is billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; No API key is set, so pictures are drawn locally by a built-in stand-in server. They are test patterns, and nothing is billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter API key…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DescribeDialog</name>
    <message>
        <source>Describe Picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use as Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Append to Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} is looking at {name}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (demo: the local stand-in answers)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DetailInfo</name>
    <message>
        <source>No image selected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CFG scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed asked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Style weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{s:.1f} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trace id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Negative prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text to image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redraw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reuse all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reuse seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use as source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use as style</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move to trash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image file of image {id} could not be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image copied.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt copied.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save image as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images (*{suffix})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save to {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Moved to the trash.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DockTexts</name>
    <message>
        <source>seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>guidance (CFG)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>negative prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>text mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>style reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>source image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>source weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>background</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>input fidelity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>watermark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 reference picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{n} reference pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>size {size}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DropChoices</name>
    <message>
        <source>This model draws from text only; it takes no picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The reference pictures are full ({count} / {limit}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This model takes no reference pictures.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This model takes no style reference.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A style reference works only without a source image; remove the source first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Redraw from this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use its style</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit this image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add as a reference picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore its parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import into the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use it as the source image and redraw from it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use it as the style reference.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use it as the picture to edit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add it to the reference pictures the model draws from.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fill the prompt and settings from the image's metadata.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add the dropped pictures to the library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No pictures yet. Write a prompt and press Generate, or drop pictures here to import them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No picture matches these filters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No favourites yet. Select a picture and press F to mark it as a favourite.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This collection is empty. Drag pictures onto its name on the left to add them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Show favourites only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> or more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Best rated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by tag, provider, model, size and date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any tag</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GalleryContextMenu</name>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use as source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use as style</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Favourite	F</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reject	X</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add to collection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New collection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare side by side</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare with its source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import images…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import a folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No stars</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty trash…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move to trash	Del</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reuse parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GalleryDelegate</name>
    <message>
        <source>SRC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STYLE</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <source>{prompt}
{model} · {provider} · {width}×{height}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GalleryOrganise</name>
    <message numerus="yes">
        <source>Tags updated on %n image(s)</source>
        <translation>
            <numerusform>Tags updated on %n image</numerusform><numerusform>Tags updated on %n images</numerusform></translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Imported %n image(s)</source>
        <translation>
            <numerusform>Imported %n image</numerusform><numerusform>Imported %n images</numerusform></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note for this image:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export to folder</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Exported %n image(s)</source>
        <translation>
            <numerusform>Exported %n image</numerusform><numerusform>Exported %n images</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not imported</source>
        <translation>
            <numerusform>%n not imported</numerusform><numerusform>%n not imported</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform><numerusform>…and %n more</numerusform></translation>
    </message>
    <message>
        <source>Nothing was imported: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library is in order: every image has its file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was deleted. Import stray files to bring them back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags to add, separated by commas (prefix with - to remove):</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n already in the library</numerusform><numerusform>%n already in the library</numerusform></translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n image(s) whose file is missing</source>
        <translation>
            <numerusform>%n image whose file is missing</numerusform><numerusform>%n images whose file is missing</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reference image(s) missing</source>
        <translation>
            <numerusform>%n reference image missing</numerusform><numerusform>%n reference images missing</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not in the library</source>
        <translation>
            <numerusform>%n file not in the library</numerusform><numerusform>%n files not in the library</numerusform></translation>
    </message>
    <message>
        <source>Known:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <source>Search prompts, tags and notes…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thumbnail size (Ctrl+wheel)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty trash…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import pictures into the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} images</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Added %n image(s) to the collection</source>
        <translation>
            <numerusform>Added %n image to the collection</numerusform><numerusform>Added %n images to the collection</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Added %n image(s) to “{name}”</source>
        <translation>
            <numerusform>Added %n image to “{name}”</numerusform><numerusform>Added %n images to “{name}”</numerusform></translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete every image in the trash for good? This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Copied %n image(s)</source>
        <translation>
            <numerusform>Copied %n image</numerusform><numerusform>Copied %n images</numerusform></translation>
    </message>
    <message>
        <source>This image was not made from a source image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source ◀ ▶ Result</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>Pictures</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GenerateFooter</name>
    <message>
        <source>1 picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{n} pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>≈ {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scroll to the field that needs a change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{reason} (and {more} more)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GenerationTab</name>
    <message>
        <source>{model} (retired {date})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CFG scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Result as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image data in the answer (b64_json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download link (url)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImageDrop</name>
    <message>
        <source>dropped image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is larger than {limit} MB; download it and drop the file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images from the gallery cannot be dropped here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is not an http(s) link.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” could not be downloaded: the server answered {status}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” could not be downloaded: no answer within {seconds} s.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” could not be downloaded: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image #{id} is no longer in the library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image could not be prepared: {error}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Iterate</name>
    <message>
        <source>{action}: redraw at weight {weight:g} with {model}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vary (subtle)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vary (strong)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More like this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use as reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{action}: the picture as a reference for {model}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{action}: an instruction edit with {model} (the prompt says what)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{action}: a redraw with {model}, which takes no weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{action}: {model} takes no pictures; choose a model that does</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{action}: {count} pictures with new seeds on {model}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{action}: new seeds only, as {model} takes no pictures</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IterationActions</name>
    <message>
        <source>The picture could not be used; the log has the details.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That picture is no longer in the library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vary (subtle)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vary (strong)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More like this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use as reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new picture close to this one (sent at once)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new picture that wanders further (sent at once)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Four more pictures with the same parameters and new seeds (sent at once)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Put this picture in the parameters, as a reference or the source (nothing is sent)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued 1 picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vary this picture, or make more like it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a picture first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Still starting up; try again in a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture's file could not be read: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a model in the parameters first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued {count} pictures.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The reference pictures are full ({count} / {limit}).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>JobPlaceholder</name>
    <message>
        <source>Making a picture…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{elapsed} s · longer than the usual ~{typical} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{elapsed} s of about {typical} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>The list of jobs could not be read ({reason}); Studio tries again in a moment. This is a bug in Studio; the details are in the log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new jobs could not be saved ({reason}). They are being made all the same, but quitting now forgets them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the app's log folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Studio failed on its own side ({reason}); this is a bug in Studio, not the server's answer. The details are in the log: {log}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The app closed while this image was being made. It may have been made and billed; it was not sent again. Send it again yourself if you want it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>no keyring backend is installed or reachable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the keyring is switched off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the only keyring stores secrets in a file, which Studio never does</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No working system keyring was found, so the key cannot be saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API key is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An API key is one word of plain letters and digits, without spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A key you enter is kept in memory for this session only. To use a key every time without a keyring, set the {variable} environment variable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keyring is locked or unlocking it was refused, so the key cannot be saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keyring refused to store the key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the keyring did not answer within {seconds:g} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown provider “{provider}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key could not be removed from the system keyring.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>it is a folder, not a picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is not a regular file (a pipe or a device)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file grew past the import limit while read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file name is not valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it carries a compressed text chunk “{keyword}” that inflates past {limit} MB (this is how text bombs look); it is not imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it carries a text chunk “{keyword}” of {size} MB; pictures with more than {limit} MB of text in one chunk are not imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it claims far more pixels than Studio imports (a decompression bomb)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not a PNG, JPEG or WebP picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the picture is damaged or truncated and cannot be shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is {size} MB; at most {limit} MB are imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the picture is damaged (no size)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its parameters hold a prompt of {size} KB; at most {limit} KB are imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it claims {width}×{height} pixels, more than the {limit} megapixels Studio imports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library was rebuilt from {count} image files.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library database could not be opened ({reason}). It was moved to {aside} and a new, empty one was started. Your images are still in {images}: quit Studio and run `stepfun-studio library rebuild` to bring them back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous database was kept at {aside}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{applied} edits (ratings, tags, notes, collections) were restored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{skipped} damaged journal lines were skipped (see the log).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library at {path} was made by a newer version of StepFun Studio (schema {found}, this version knows {known}). Update the app to open it; the library was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The disk holding the library is full ({place}). Free some space and try again; nothing was lost.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library cannot write to {place}: permission denied or a read-only disk. Check the folder's permissions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library could not open {place}. Check that the folder exists and can be written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library database is locked by another program ({place}). Close other copies of StepFun Studio and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library database is damaged ({place}). Restart the app: it will set the damaged file aside, and you can rebuild from the images.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The disk reported an error while using the library ({place}). Check the disk, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A library file is missing ({place}). Run Check Library to find what is gone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>could not be imported ({error}); the log file has the details</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibraryNotice</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Lightbox</name>
    <message>
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{index} of {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>← → move · 0–5 rate · F favourite · X reject · Esc close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The original file is missing.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Still starting up; try again in a moment.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Queued %n image(s).</source>
        <translation>
            <numerusform>Queued %n image.</numerusform><numerusform>Queued %n images.</numerusform></translation>
    </message>
    <message>
        <source>The picture is now the source image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Picture ready (seed {seed}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit StepFun Studio?</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n picture(s) are still being made. They may already be billed.</source>
        <translation>
            <numerusform>%n picture is still being made. They may already be billed.</numerusform><numerusform>%n pictures are still being made. They may already be billed.</numerusform></translation>
    </message>
    <message>
        <source>Quitting waits up to %1 s for pictures already on their way and keeps them; the ones not sent yet are sent at the next start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>StepFun Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>{label} · retired {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} · retires {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The vendor retired this model on {date}; it works only on a server that still serves it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The vendor names {model} instead.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ParameterDock</name>
    <message>
        <source>Parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the last returned seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fast preset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quality preset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New random seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parameters reused on {model}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parameters reused on {model}, which takes no {dropped}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The reference pictures are full ({count} / {limit}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture is now reference picture {number}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no style reference; the picture waits in the style slot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture is now the style reference.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the last returned seed ({seed})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no {dropped}; left out.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ParameterFields</name>
    <message>
        <source>Square</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Landscape</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Portrait</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic (the model chooses)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{size}  ·  shape from the prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Input fidelity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Watermark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Higher quality takes longer and costs more per picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transparent works with the PNG and WebP formats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file format the server answers with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>High keeps faces and details of the given pictures closer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On: the vendor puts its visible “AI generated” mark on the picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transparent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opaque</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <source>Weight {low:g}–{high:g}. {advice}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text to image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redraw from the source image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit the image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{low:g}–{high:g} for this model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{low:g}–{high:g}; higher follows the prompt more closely. At 1 the negative prompt is ignored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{low:g}–{high:g}; higher follows the prompt more closely</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a picture to redraw it; without one, text to image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image to edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source image (redraw)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw from the reference pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} · {mode}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retired by its vendor on {date}; it works only on a server that still serves it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The output has the input's size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a picture to edit it; without one, text to image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This model edits: add the picture to change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CFG scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Intent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{size}, {steps} steps, CFG {cfg:g}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text mode (render lettering precisely)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off: the server picks a new seed for every image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new random seed, kept fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the last returned seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How many pictures to make; each one is billed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Smaller stays closer to the source; at 1 the source is ignored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent in this order; the prompt can name them (“the dress in picture 2”).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Style reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>0–2; the guide advises {low:g}–{high:g}. Higher leaks the reference's content into the picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image data in the answer (b64_json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download link (url)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Either way the picture is stored at once; a link would expire</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Fast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Random re-generation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Detail enhancement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Small modification</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Describe the original as closely as you can.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Describe the original and add quality words, such as “finely detailed”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State the change clearly. This often goes wrong; for large changes use Image Edit (step-image-edit-2).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptDiffDialog</name>
    <message>
        <source>Accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <source>Polish</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Translate 中 ↔ EN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Describe the Picture Shown…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Polish or translate the prompt, or describe a picture, with a chat model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Earlier prompts (Ctrl+Up / Ctrl+Down steps through them)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Describe the picture… (Ctrl+Enter generates, Ctrl+Up recalls earlier prompts)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Negative prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the picture should not show (used when CFG scale is above 1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No earlier prompts yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At CFG scale {cfg:g} the negative prompt has no effect: raise the CFG scale above 1 to use it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{over} characters over the limit of {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{left} characters left</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptLibrary</name>
    <message>
        <source>This is not an A1111 styles file: its first line must name the columns name, prompt and negative_prompt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The wildcard __{name}__ has no list of that name (or its list is empty). Add it in the Prompt Library's Wildcards tab.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This file is not a StepFun Studio prompt library export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} is not a regular file; it was not read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} is larger than {mb} MB; it was not read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” cannot name a wildcard list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The saved styles in {path} cannot be read (not JSON). Fix or remove the file.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptLibraryView</name>
    <message>
        <source>Prompt Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Styles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wildcards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search prompts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use as Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No prompt matches.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompts you generate with appear here, with their pictures.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n picture(s), last used {when}</source>
        <translation>
            <numerusform>%n picture, last used {when}</numerusform><numerusform>%n pictures, last used {when}</numerusform></translation>
    </message>
    <message>
        <source>e.g. cinematic still of {prompt}, film grain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt template:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Negative prompt:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{prompt} marks where your prompt goes; without it the style is added after.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save Style</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import A1111 styles.csv…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Apply to Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the style a name first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import A1111 Styles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Styles (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Imported %n style(s).</source>
        <translation>
            <numerusform>Imported %n style.</numerusform><numerusform>Imported %n styles.</numerusform></translation>
    </message>
    <message>
        <source>One choice per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write __name__ in a prompt to pick one line of the list named “name”. With a fixed seed the same lines are picked again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choices:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save List</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export Prompt Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import Prompt Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imported {styles} styles and {lists} wildcard lists.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProviderChooser</name>
    <message>
        <source>Enter the name of one model your server offers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is a model of another provider.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose an image service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which image service do you want to use?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Studio runs as a demo until you enter a key: pictures are drawn on this computer and nothing is billed. Choose the service you have a key for (or want to try); you can change it any time in Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As the server names it, e.g. black-forest-labs/FLUX.1-dev</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Optional now, e.g. http://127.0.0.1:8000/v1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a key…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try the demo first</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProviderNames</name>
    <message>
        <source>StepFun</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volcengine Ark (Seedream)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SiliconFlow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProviderPanel</name>
    <message>
        <source>{variable} is set, so requests go to {url} for this run.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your server's address, e.g. http://127.0.0.1:8000/v1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Requests go to {url}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking {url}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The test failed: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} did not accept this key. Check the key above, and that it belongs to this server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key works.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key works: the server offers {count} models.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Balance: {amount} {currency}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The balance could not be read: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Get a key: &lt;a href="{url}"&gt;{url}&lt;/a&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Optional, e.g. a proxy: https://… (empty: the region's server)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your server's address: https://…, or http:// on this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask the server whether the key works (free: no picture is made)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} has no free way to check a key, so it is checked by the first picture you make (a wrong key is refused before anything is billed).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProviderTexts</name>
    <message>
        <source>StepFun's own image API: step-1x-medium, step-2x-large and step-image-edit-2, with seed, steps, CFG and a redraw weight.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OpenAI's gpt-image models: good at text in pictures and at edits with several images and a mask; no seed or steps. Paid per picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volcengine Ark or BytePlus ModelArk with ByteDance's Seedream: 2K to 4K pictures and up to 14 reference images. Paid per picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SiliconFlow: Kolors (free) and Qwen-Image, with seed, steps, guidance and a negative prompt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your own or your team's server that speaks OpenAI's image API (vLLM-Omni, SGLang, stable-diffusion.cpp, LocalAI). You tell Studio its models and what they take.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mainland China</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>International</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Worldwide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BytePlus (international)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>image API retired on {date}, works with {provider}-compatible servers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>image API retires on {date}; then only {provider}-compatible servers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} retired its image API on {date}: its own server no longer makes pictures. Studio still speaks it, for {provider}-compatible servers (enter the address below) and for the built-in demo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} retires its image API on {date}. After that Studio still speaks it, for {provider}-compatible servers and for the built-in demo.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>{provider} (retired)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interrupted, may have been billed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform><numerusform>%n done</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform><numerusform>%n running</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform><numerusform>%n waiting</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform><numerusform>%n cancelled</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted</source>
        <translation>
            <numerusform>%n interrupted</numerusform><numerusform>%n interrupted</numerusform></translation>
    </message>
    <message>
        <source>{prompt} · {count} pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Picture {number} of {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the selected jobs now (Delete)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the selected failed, cancelled or interrupted jobs again (billed again)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove done, failed and cancelled jobs from this list (pictures stay)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the error details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the prompt</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QuitGrace</name>
    <message>
        <source>Quitting StepFun Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit now</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Waiting for %n picture(s) already on their way, to keep them (%1 s left).
Pictures not sent yet are sent at the next start.</source>
        <translation>
            <numerusform>Waiting for %n picture already on their way, to keep them (%1 s left).
Pictures not sent yet are sent at the next start.</numerusform><numerusform>Waiting for %n pictures already on their way, to keep them (%1 s left).
Pictures not sent yet are sent at the next start.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReferenceImage</name>
    <message>
        <source>it claims far more pixels than Studio opens; it may be a decompression bomb.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” cannot be used: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is damaged or truncated.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CMYK colours converted to RGB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Palette colours converted to RGB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grayscale image converted to RGB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Colours converted to RGB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved as JPEG to stay within 10 MB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is not a regular file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is a folder, not a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is a pipe (FIFO), not a file; save the picture first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is a device, not a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is a socket, not a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is a system file, not a picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file name is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file cannot be read ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transparency kept as PNG.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is not an image, or not a format Studio reads.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it claims {width}×{height} pixels, more than the {limit} megapixels Studio opens (this is how decompression bombs look).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Animated image reduced to its first frame.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>EXIF rotation applied.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is too large to open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{bits}-bit image converted to 8-bit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scaled down to {width}×{height} to stay within 10 MB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is {mb} MB; Studio opens at most {limit} MB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is only {width}×{height} pixels; at least {side} are needed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is {width}×{height}; scaled to fit {side}×{side} its short side would be under {minimum} pixels.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scaled down from {w}×{h} to {w2}×{h2} (the limit is {side}×{side}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Converted from {format} to PNG.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compressed from {mb:.1f} MB to stay within 10 MB.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReferenceSlot</name>
    <message>
        <source>Remove this image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click to choose an image, or drop or paste one here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Style reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Style reference: click, drop or paste an image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Picture to edit: click, drop or paste an image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source image: click, drop or paste an image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preparing the image…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose an image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images ({suffixes})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{width}×{height} {kind}, {kb} KB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Release to use this image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not an image; it cannot be used here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is not a picture Studio can use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That is not a picture or a link to one.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReferenceStrip</name>
    <message>
        <source>Add…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose pictures to add (or drop or paste them here)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move the chosen picture earlier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move the chosen picture later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the chosen picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{limit} pictures at most: {left} left out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose reference pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images ({suffixes})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{number}. {name}, {width}×{height}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop, paste or add up to {limit} pictures the model should draw from.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preparing the pictures…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(+{n} preparing)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file was damaged; it was moved to {path} and the defaults are used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings could not be saved to {path} ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings file held a key or password ({name}); it was removed from the file. Enter the key in Settings to keep it in the system keyring.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings file {path} is not a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings file {path} cannot be read; defaults are used for this session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings were saved by a newer StepFun Studio (version {version}); what this version does not know is left as it is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings cannot be saved to {path}; they hold for this session only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A setting was reset to its default: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings file {path} is damaged and could not be moved aside ({reason}); defaults are used for this session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The setting {name} was not readable and was reset to its default.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown provider “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown region “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server address must not contain a key or a password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown account tier “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown language “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown theme “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A model name is one word without spaces (it is “{name}”).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is already a model of another provider; use another name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The model “{name}” is declared twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown field “{field}” for the model {name}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown model “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} does not offer the size {size}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps must be {low:g}–{high:g}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CFG scale must be {low:g}–{high:g}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown response format “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{provider} has no models yet: add one in Settings ▸ Providers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{size}” is not a size; write sizes as 1024x1024, one after another.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Library folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{tier}: {concurrent} at once, {per_minute} per minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your tier follows what you have topped up in total; see your StepFun account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A key was not saved; see {provider}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty: the app's data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new library location applies at the next start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actual size (100%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit to the view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SizeAdvice</name>
    <message>
        <source>The source is {width} × {height}, another shape than this size; the picture may come back squeezed or cropped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use {width} × {height}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SpendView</name>
    <message>
        <source>Reading the library…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Total: {money} for %n picture(s)</source>
        <translation>
            <numerusform>Total: {money} for %n picture</numerusform><numerusform>Total: {money} for %n pictures</numerusform></translation>
    </message>
    <message>
        <source>Nothing spent yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Costs are what the provider reported, else the model's list price. Currencies are never added together.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Not counted: %n picture(s) made with a model that has no known price.</source>
        <translation>
            <numerusform>Not counted: %n picture made with a model that has no known price.</numerusform><numerusform>Not counted: %n pictures made with a model that has no known price.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Includes {money} for %n prompt assistant call(s).</source>
        <translation>
            <numerusform>Includes {money} for %n prompt assistant call.</numerusform><numerusform>Includes {money} for %n prompt assistant calls.</numerusform></translation>
    </message>
    <message>
        <source>{provider} prompt assistant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chat calls, not pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By collection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Spool</name>
    <message>
        <source>Studio could not add the picture to the library ({error}); this is a bug in Studio, the details are in the log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture is kept in {folder} and will be added at the next start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture could not be kept either ({reason}): it is lost. Free some disk space before the next picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} picture(s) kept from the last session were added to the library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} kept picture(s) could not be added yet ({reason}); they stay in {folder} and are tried again at the next start.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StatusReporter</name>
    <message>
        <source>{message} ({details})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{prompt}”: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{running} running, {waiting} waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queue idle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo: local stand-in server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server: {host}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Studio</name>
    <message>
        <source>Studio closed while this picture was waiting; try it again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>{model} cannot generate from text alone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop or choose a source image to redraw.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop or choose the image to edit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image must be sent as PNG or JPEG.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The source weight must be above 0 and at most 1 (smaller stays closer to the source; 1 ignores it).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The style weight must be above 0 and at most 2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown model “{model}”. Choose one of: {models}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size {size} is not offered by {model}. Choose one of: {sizes}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} cannot redraw from a source image with a weight.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} cannot edit images.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use {models}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size {size} does not suit {model} ({reason}). Choose one of: {sizes}, or a width×height that fits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps must be between {low} and {high} for {model}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CFG scale must be between {low} and {high} for {model}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The seed must be between 0 (random) and {high}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask for between 1 and {high} images.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no reference images.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes at most {count} reference images; remove {over}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The mask must be a PNG.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image is {mb:.1f} MB; the API takes at most 10 MB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image is {width}×{height}; at most {side}×{side} is allowed here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The prompt has {count} characters; {model} takes at most {limit}. Shorten it by {over}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no negative prompt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes {name} {values}, not “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no style reference with a weight here; a style reference works only on a model that has one, generating from text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} takes no mask; only an edit on a model with one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The negative prompt has {count} characters; at most {limit} are allowed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Retry Failed Jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;X/Y Grid…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt &amp;Library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Describe Picture…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Caption Pictures for Search…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to &amp;Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Check Library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;pend…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Batch…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About StepFun Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WindowDrops</name>
    <message>
        <source>The clipboard holds no image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop one image at a time here.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n image(s) dropped.</source>
        <translation>
            <numerusform>%n image dropped.</numerusform><numerusform>%n images dropped.</numerusform></translation>
    </message>
    <message>
        <source>image #{id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the pasted image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What should Studio do with “{name}”?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parameters restored from the image.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>XYGrid</name>
    <message>
        <source>The two axes vary the same thing; choose two different ones.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CFG scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt search/replace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the {axis} axis its values, e.g. {example}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The {axis} axis has {count} values; at most {most} are allowed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The {axis} axis repeats a value; each value once, please.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} pictures is more than a grid may make ({most}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown model “{model}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} has no {axis} to vary.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{model} is another provider's model; a grid compares models of one provider.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is not an axis. Use one of: {axes}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed {value} is outside 0–{most}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{word}” is not in the prompt, so there is nothing to replace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{value}” is not a whole number ({axis} axis).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{value}” is not a number ({axis} axis).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>X/Y grid {when}: {prompt}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>XYGridDialog</name>
    <message>
        <source>X/Y Grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make Grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model: {model}. Prompt: {prompt}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Columns (X):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows (Y):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose what the columns vary.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} pictures ({columns} × {rows}), estimated {cost}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>price unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Making the grid…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No picture of the grid was made; see the queue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drawing the grid picture…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The pictures are kept, but the grid picture failed: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done: the grid and its pictures are in the collection “{name}”.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>_AxisRow</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>word in the prompt, replacement, …</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>