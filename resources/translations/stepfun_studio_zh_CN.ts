<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About StepFun Studio</source>
        <translation>关于 StepFun Studio</translation>
    </message>
    <message>
        <source>StepFun Studio</source>
        <translation>StepFun Studio</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>A desktop studio for StepFun's text-to-image API: prompts, redraws, style references, image edits and a local library.</source>
        <translation>阶跃星辰文生图 API 的桌面工作室：提示词、垫图重绘、风格参考、图像编辑和本地图库。</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>PySide6</source>
        <translation>PySide6</translation>
    </message>
    <message>
        <source>openai SDK</source>
        <translation>openai SDK</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
</context>
<context>
    <name>ApiConfig</name>
    <message>
        <source>The server address must start with https:// (it is “{url}”).</source>
        <translation>服务器地址必须以 https:// 开头（当前为“{url}”）。</translation>
    </message>
    <message>
        <source>The server address {url} uses plain http, which would send your API key unencrypted. Use https://, or http:// only to this computer (127.0.0.1, localhost).</source>
        <translation>服务器地址 {url} 使用明文 http，API 密钥将以未加密方式发送。请使用 https://，http:// 仅限本机（127.0.0.1、localhost）。</translation>
    </message>
    <message>
        <source>The server address “{url}” is not a valid URL.</source>
        <translation>服务器地址“{url}”不是有效的网址。</translation>
    </message>
    <message>
        <source>Unknown provider “{provider}”. Choose one of: {providers}.</source>
        <translation>未知的服务商“{provider}”。请从以下选择：{providers}。</translation>
    </message>
    <message>
        <source>Studio cannot speak the protocol “{protocol}” of {provider}.</source>
        <translation>Studio 不支持 {provider} 的协议“{protocol}”。</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The connection broke before the answer arrived. Check your connection and try again; the image may have been billed.</source>
        <translation>回复到达前连接已中断。请检查网络后重试；这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>The server's answer could not be read. Try again; if it keeps happening, send the trace id to StepFun support.</source>
        <translation>无法读取服务器的回复。请重试；如果反复出现，请把 trace id 发给阶跃星辰技术支持。</translation>
    </message>
    <message>
        <source>The server sent something that is not a usable picture. Try again; if it keeps happening, send the trace id to StepFun support.</source>
        <translation>服务器返回的内容不是可用的图片。请重试；如果反复出现，请把 trace id 发给阶跃星辰技术支持。</translation>
    </message>
    <message>
        <source>The picture was blocked by moderation. Change the prompt and try again.</source>
        <translation>图片未通过内容审核。请修改提示词后重试。</translation>
    </message>
    <message>
        <source>The picture's download link had already expired. Generate it again.</source>
        <translation>图片的下载链接已经过期。请重新生成。</translation>
    </message>
    <message>
        <source>The finished picture could not be downloaded. Check your connection and try again.</source>
        <translation>无法下载生成好的图片。请检查网络后重试。</translation>
    </message>
    <message>
        <source>The server refused a parameter. Change it and try again.</source>
        <translation>服务器拒绝了某个参数。请修改后重试。</translation>
    </message>
    <message>
        <source>The built-in stand-in failed (HTTP {status}). Nothing was billed: it is a local demo. Try again.</source>
        <translation>内置的模拟服务器出错（HTTP {status}）。没有计费：这只是本地演示。请重试。</translation>
    </message>
    <message>
        <source>The server took longer than {seconds} seconds in all. Try again later; if the request reached the server, the image may have been billed.</source>
        <translation>服务器总用时超过 {seconds} 秒。请稍后重试；如果请求已到达服务器，这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>The server's answer could not be read. Try again; if it keeps happening, send the trace id to {provider} support.</source>
        <translation>无法读取服务器的回复。请重试；如果反复出现，请把 trace id 发给 {provider} 技术支持。</translation>
    </message>
    <message>
        <source>The server sent something that is not a usable picture. Try again; if it keeps happening, send the trace id to {provider} support.</source>
        <translation>服务器返回的内容不是可用的图片。请重试；如果反复出现，请把 trace id 发给 {provider} 技术支持。</translation>
    </message>
    <message>
        <source>{model} takes at most {allowed} pictures in one request; this one has {count}. Remove some references.</source>
        <translation>{model} 每次请求最多接受 {allowed} 张图片；本次有 {count} 张。请移除一些参考图。</translation>
    </message>
    <message>
        <source>{provider} has no model called {model}. Choose one of: {models}.</source>
        <translation>{provider} 没有名为 {model} 的模型。请从以下选择：{models}。</translation>
    </message>
    <message>
        <source>{provider} has no free way to test a key. Generate one picture to check it (that picture is billed).</source>
        <translation>{provider} 无法免费测试密钥。请生成一张图片来检验（这张图片会计费）。</translation>
    </message>
    <message>
        <source>{provider} did not accept the API key. Check the key in Settings, or the {env} environment variable, and that it belongs to this server.</source>
        <translation>{provider} 未接受该 API 密钥。请检查“设置”中的密钥或 {env} 环境变量，并确认密钥属于这个服务器。</translation>
    </message>
    <message>
        <source>{provider} refused this request for your account (HTTP 403). Check on the provider's website that the key may use this model.</source>
        <translation>{provider} 拒绝了你账户的这次请求（HTTP 403）。请到服务商网站确认该密钥有权使用这个模型。</translation>
    </message>
    <message>
        <source>{provider}: the balance or quota of this account is used up. Top it up on the provider's website, then try again.</source>
        <translation>{provider}：此账户的余额或额度已用完。请到服务商网站充值后重试。</translation>
    </message>
    <message>
        <source>{provider} blocked the prompt or a picture (moderation). Change the prompt or the pictures and try again.</source>
        <translation>{provider} 拦截了提示词或图片（内容审核）。请修改提示词或图片后重试。</translation>
    </message>
    <message>
        <source>{provider}: too many requests for this account. Wait a moment, or lower the number of images at once.</source>
        <translation>{provider}：此账户的请求过多。请稍等片刻，或减少一次生成的图片数量。</translation>
    </message>
    <message>
        <source>{provider}: the server had trouble (HTTP {status}). Try again later; this image may already have been billed.</source>
        <translation>{provider}：服务器出现问题（HTTP {status}）。请稍后重试；这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>{provider} refused a parameter. Change it and try again.</source>
        <translation>{provider} 拒绝了某个参数。请修改后重试。</translation>
    </message>
    <message>
        <source>{model} does not take the size {size}. It takes: {sizes}.</source>
        <translation>{model} 不支持尺寸 {size}。支持的尺寸：{sizes}。</translation>
    </message>
    <message>
        <source>{provider} does not offer the model {model} to this key. Choose another model, or check on the provider's website that the model is enabled for your account.</source>
        <translation>{provider} 未向此密钥开放模型 {model}。请选择其他模型，或到服务商网站确认你的账户已开通该模型。</translation>
    </message>
    <message>
        <source>{provider}: the server does not know this address. Check the server address in Settings.</source>
        <translation>{provider}：服务器不认识这个地址。请检查“设置”中的服务器地址。</translation>
    </message>
    <message>
        <source>{provider} could not make this picture. Try again, or change the prompt.</source>
        <translation>{provider} 未能生成这张图片。请重试，或修改提示词。</translation>
    </message>
    <message>
        <source>No API key is set for {provider}. Enter it in Settings, or set the {env} environment variable.</source>
        <translation>未设置 {provider} 的 API 密钥。请在“设置”中输入，或设置 {env} 环境变量。</translation>
    </message>
    <message>
        <source>{model} takes {option} {values}, not “{value}”.</source>
        <translation>{model} 的 {option} 只能是 {values}，不能是“{value}”。</translation>
    </message>
    <message>
        <source>{model} was retired by StepFun on {date} (the server answered HTTP {status}).</source>
        <translation>阶跃星辰已于 {date} 下线 {model}（服务器返回 HTTP {status}）。</translation>
    </message>
    <message>
        <source>{model} is being retired by StepFun on {date}, and its server already refuses it (HTTP {status}).</source>
        <translation>阶跃星辰将于 {date} 下线 {model}，其服务器已拒绝该模型的请求（HTTP {status}）。</translation>
    </message>
    <message>
        <source>No API key is set. Enter your StepFun API key in Settings, or set the STEPFUN_API_KEY environment variable.</source>
        <translation>未设置 API 密钥。请在“设置”中输入阶跃星辰 API 密钥，或设置 STEPFUN_API_KEY 环境变量。</translation>
    </message>
    <message>
        <source>StepFun named {replacement} as its replacement, which was retired too, on {date}.</source>
        <translation>阶跃星辰指定的替代模型 {replacement} 也已于 {date} 下线。</translation>
    </message>
    <message>
        <source>Pictures can be made today with: {providers}. Choose one in Settings.</source>
        <translation>目前可以用这些服务商生成图片：{providers}。请在“设置”中选择一个。</translation>
    </message>
    <message>
        <source>StepFun names {replacement} as its replacement.</source>
        <translation>阶跃星辰指定 {replacement} 为替代模型。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Your StepFun balance is used up. Top it up on the StepFun platform.</source>
        <translation>阶跃星辰账户余额已用完。请在阶跃星辰开放平台充值。</translation>
    </message>
    <message>
        <source>The built-in stand-in failed. Nothing was billed: it is a local demo. Try again.</source>
        <translation>内置的模拟服务器出错。没有计费：这只是本地演示。请重试。</translation>
    </message>
    <message>
        <source>The server does not know this address. Check the server address.</source>
        <translation>服务器不认识这个地址。请检查服务器地址。</translation>
    </message>
    <message>
        <source>Too many requests for your account tier. Wait a moment, or lower the number of images at once.</source>
        <translation>请求超出了账户等级的限额。请稍等片刻，或减少一次生成的图片数量。</translation>
    </message>
    <message>
        <source>The prompt or the picture was blocked by moderation. Change the prompt.</source>
        <translation>提示词或图片未通过内容审核。请修改提示词。</translation>
    </message>
    <message>
        <source>Could not connect to the server. Check your internet connection and the server address.</source>
        <translation>无法连接服务器。请检查网络连接和服务器地址。</translation>
    </message>
    <message>
        <source>The server's answer was cut off. Try again; the image may have been billed.</source>
        <translation>服务器的回复被截断。请重试；这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>The server answered with an unexpected HTTP status {status}.</source>
        <translation>服务器返回了意外的 HTTP 状态 {status}。</translation>
    </message>
    <message>
        <source>The server took too long to answer. Check your connection and try again; if the request reached the server, the image may have been billed.</source>
        <translation>服务器响应超时。请检查网络后重试；如果请求已到达服务器，这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>The API key was not accepted by StepFun. Check the key in Settings (or the STEPFUN_API_KEY environment variable), and that the region matches it (a key from api.stepfun.com does not work on api.stepfun.ai).</source>
        <translation>阶跃星辰未接受该 API 密钥。请检查“设置”中的密钥（或 STEPFUN_API_KEY 环境变量），并确认区域与密钥一致（api.stepfun.com 的密钥不能用于 api.stepfun.ai）。</translation>
    </message>
    <message>
        <source>Could not reach the server in time. Check your connection.</source>
        <translation>未能及时连上服务器。请检查网络连接。</translation>
    </message>
    <message>
        <source>StepFun's server had trouble (HTTP {status}). Try again later; this image may already have been billed.</source>
        <translation>阶跃星辰服务器出现问题（HTTP {status}）。请稍后重试；这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>The download link answered HTTP {status}.</source>
        <translation>下载链接返回了 HTTP {status}。</translation>
    </message>
</context>
<context>
    <name>ApiKeyPanel</name>
    <message>
        <source>The key will be removed when you press OK.</source>
        <translation>按“确定”后将删除密钥。</translation>
    </message>
    <message>
        <source>The new key is saved when you press OK.</source>
        <translation>按“确定”后保存新密钥。</translation>
    </message>
    <message>
        <source>The key comes from the {variable} environment variable and is used for this run. Unset the variable to use a key saved here.</source>
        <translation>密钥来自 {variable} 环境变量，本次运行将使用它。取消设置该变量即可使用这里保存的密钥。</translation>
    </message>
    <message>
        <source>The key is saved in the system keyring ({backend}).</source>
        <translation>密钥已保存在系统钥匙串中（{backend}）。</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>The key is kept in memory for this session only and is forgotten when the app quits.</source>
        <translation>密钥仅在本次会话中保存在内存里，退出应用后即被遗忘。</translation>
    </message>
    <message>
        <source>No key is set. A server that needs none is used as soon as its address is set below; until then pictures are drawn locally (demo mode).</source>
        <translation>未设置密钥。在下方填写服务器地址后，即可使用无需密钥的服务器；在此之前，图片在本地绘制（演示模式）。</translation>
    </message>
    <message>
        <source>No key is set: {provider}'s pictures are drawn locally (demo mode).</source>
        <translation>未设置密钥：{provider} 的图片在本地绘制（演示模式）。</translation>
    </message>
    <message>
        <source>Set by {variable} for this run</source>
        <translation>本次运行由 {variable} 设置</translation>
    </message>
    <message>
        <source>Paste your {provider} API key</source>
        <translation>粘贴你的 {provider} API 密钥</translation>
    </message>
    <message>
        <source>The key is removed when you press OK</source>
        <translation>按“确定”后删除密钥</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>显示或隐藏密钥</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>删除密钥</translation>
    </message>
</context>
<context>
    <name>AppError</name>
    <message>
        <source>trace id {trace_id}</source>
        <translation>追踪 ID {trace_id}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <source>StepFun Studio met an unexpected problem ({kind}). Your library and queue are safe; you can keep working. The details were written to the log.</source>
        <translation>StepFun Studio 遇到了意外问题（{kind}）。你的图库和队列是安全的，可以继续工作。详细信息已写入日志。</translation>
    </message>
    <message>
        <source>StepFun Studio cannot write its folder {path} ({reason}). Make the folder writable, free some space, or point STEPFUN_STUDIO_HOME at a folder you can write to.</source>
        <translation>StepFun Studio 无法写入其文件夹 {path}（{reason}）。请让该文件夹可写、腾出一些空间，或把 STEPFUN_STUDIO_HOME 指向一个可写的文件夹。</translation>
    </message>
    <message>
        <source>StepFun Studio cannot start</source>
        <translation>StepFun Studio 无法启动</translation>
    </message>
</context>
<context>
    <name>Assistant</name>
    <message>
        <source>{provider} has no chat model Studio can use for the prompt assistant. Use a StepFun or OpenAI key for it.</source>
        <translation>{provider} 没有可供提示词助手使用的对话模型。请为助手使用阶跃星辰或 OpenAI 的密钥。</translation>
    </message>
    <message>
        <source>The chat model answered with no text. Try again.</source>
        <translation>对话模型没有返回任何文字。请重试。</translation>
    </message>
    <message>
        <source>No answer within {seconds:g} s; the call was given up. It may still be billed. Try again when the service answers faster.</source>
        <translation>{seconds:g} 秒内没有回复，已放弃这次调用。它仍可能计费。请等服务响应变快后再试。</translation>
    </message>
    <message>
        <source>Unknown style “{style}”. Choose one of: {styles}.</source>
        <translation>未知风格“{style}”。请从以下选项中选择：{styles}。</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation>摄影</translation>
    </message>
    <message>
        <source>Illustration</source>
        <translation>插画</translation>
    </message>
    <message>
        <source>Ink wash</source>
        <translation>水墨</translation>
    </message>
    <message>
        <source>Product shot</source>
        <translation>产品图</translation>
    </message>
    <message>
        <source>Anime</source>
        <translation>动漫</translation>
    </message>
    <message>
        <source>3D render</source>
        <translation>3D 渲染</translation>
    </message>
    <message>
        <source>Watercolour</source>
        <translation>水彩</translation>
    </message>
    <message>
        <source>Cinematic</source>
        <translation>电影感</translation>
    </message>
    <message>
        <source>The assistant failed on Studio's side ({error}).</source>
        <translation>提示词助手出错，问题出在 Studio 自身（{error}）。</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <source>The budget must be above 0, or left empty for no cap.</source>
        <translation>预算必须大于 0；留空则不设上限。</translation>
    </message>
    <message>
        <source>The model table gives no price for this model, so a budget cannot be kept; remove the budget to run it anyway.</source>
        <translation>模型列表中没有这个模型的价格，因此无法控制预算；如仍要运行，请移除预算。</translation>
    </message>
    <message>
        <source>cost unknown (no price in the model table)</source>
        <translation>费用未知（模型价格表中没有该模型的价格）</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <source>{count} pictures · {cost} · about {time}</source>
        <translation>{count} 张图片 · {cost} · 约 {time}</translation>
    </message>
    <message>
        <source>{count} pictures cost about {total}, over the budget of {budget}. Raise the budget, or choose at most {fits} pictures.</source>
        <translation>{count} 张图片约需 {total}，超出预算 {budget}。请提高预算，或最多选择 {fits} 张图片。</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>Studio failed on its side ({error}); the log has the details.</source>
        <translation>Studio 自身出错（{error}）；详细信息见日志。</translation>
    </message>
    <message>
        <source>The picture could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
    <message>
        <source>That batch is gone.</source>
        <translation>该批量任务已不存在。</translation>
    </message>
    <message>
        <source>The batch stopped at its budget; {count} pictures were not sent. Raise the budget to send them.</source>
        <translation>批量任务已达到预算上限并停止；{count} 张图片未发送。提高预算即可发送它们。</translation>
    </message>
    <message>
        <source>Unknown model “{model}”.</source>
        <translation>未知的模型“{model}”。</translation>
    </message>
    <message>
        <source>Sent before Studio stopped, with no answer since: it may have been made and billed. It is sent again only if you ask.</source>
        <translation>在 Studio 停止前已发出，此后一直没有回复：它可能已经生成并计费。只有在你要求时才会重新发送。</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Redraw each picture</source>
        <translation>逐张垫图重绘</translation>
    </message>
    <message>
        <source>Edit each picture</source>
        <translation>逐张编辑图片</translation>
    </message>
    <message>
        <source>Use each picture as a reference</source>
        <translation>将每张图片用作参考图</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Drop a folder or pictures here, or add them below. {count} pictures.</source>
        <translation>把文件夹或图片拖到这里，或在下方添加。共 {count} 张图片。</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add Pictures…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Each picture</source>
        <translation>每张图片</translation>
    </message>
    <message>
        <source>Source weight</source>
        <translation>原图权重</translation>
    </message>
    <message>
        <source>Small stays close to the picture; 1 ignores it.</source>
        <translation>越小越接近原图；为 1 时忽略原图。</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>a watercolour of the {filename}</source>
        <translation>{filename} 的水彩画</translation>
    </message>
    <message>
        <source>{filename} becomes each picture's file name.</source>
        <translation>{filename} 会替换为每张图片的文件名。</translation>
    </message>
    <message>
        <source>Use the .txt beside a picture as its prompt</source>
        <translation>用图片旁的 .txt 文件作为其提示词</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Stop before passing</source>
        <translation>超出此金额前停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose a model.</source>
        <translation>请选择模型。</translation>
    </message>
    <message>
        <source>At the model table's price; the time at {at_once} at once and {per_minute} a minute, the limits Studio keeps for this provider.</source>
        <translation>按模型价格表计价；用时按同时 {at_once} 个、每分钟 {per_minute} 个估算，即 Studio 对此服务商采用的限额。</translation>
    </message>
    <message>
        <source>{model} takes no pictures; choose another model.</source>
        <translation>{model} 不接受图片输入；请选择其他模型。</translation>
    </message>
    <message>
        <source>Add pictures to make a batch.</source>
        <translation>添加图片以创建批量任务。</translation>
    </message>
    <message>
        <source>Write a prompt, or use the .txt beside each picture.</source>
        <translation>请填写提示词，或使用每张图片旁的 .txt 文件。</translation>
    </message>
    <message>
        <source>Add a Folder of Pictures</source>
        <translation>添加图片文件夹</translation>
    </message>
    <message>
        <source>Add Pictures</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>From a collection…</source>
        <translation>从合集添加…</translation>
    </message>
    <message>
        <source>Reading the pictures…</source>
        <translation>正在读取图片…</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何内容。</translation>
    </message>
    <message>
        <source>Batch {time} · {folder}</source>
        <translation>批量 {time} · {folder}</translation>
    </message>
    <message>
        <source>Nothing is sent before you press Start.</source>
        <translation>按“开始”之前不会发送任何请求。</translation>
    </message>
</context>
<context>
    <name>BatchRunPanel</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel Batch</source>
        <translation>取消批量</translation>
    </message>
    <message>
        <source>Send Again…</source>
        <translation>重新发送…</translation>
    </message>
    <message>
        <source>Send the pictures that may have been billed, failed or were cancelled.</source>
        <translation>重新发送可能已计费、失败或已取消的图片。</translation>
    </message>
    <message>
        <source>Earlier batches…</source>
        <translation>以前的批量任务…</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>{count} pictures may have been made and billed already, failed or were cancelled. Send them again? Each may be billed again.</source>
        <translation>{count} 张图片可能已经生成并计费，或已失败、已取消。要重新发送吗？每张都可能再次计费。</translation>
    </message>
    <message>
        <source>{name}: {state}</source>
        <translation>{name}：{state}</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>已完成 {done} / {total}</translation>
    </message>
    <message>
        <source>{count} on their way</source>
        <translation>{count} 张生成中</translation>
    </message>
    <message>
        <source>{count} may have been billed (not sent again unless you ask)</source>
        <translation>{count} 张可能已计费（除非你要求，否则不会重新发送）</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} 张失败</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>on its way</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>may have been billed</source>
        <translation>可能已计费</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopped at the budget</source>
        <translation>已达预算，已停止</translation>
    </message>
</context>
<context>
    <name>CaptionDialog</name>
    <message>
        <source>Stopped; start again to go on.</source>
        <translation>已停止；重新开始即可继续。</translation>
    </message>
    <message>
        <source>Caption Pictures for Search</source>
        <translation>为搜索生成图片描述</translation>
    </message>
    <message>
        <source>Counting the pictures without a caption…</source>
        <translation>正在统计还没有图片描述的图片…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Every picture has a caption; search already sees them.</source>
        <translation>每张图片都已有图片描述，搜索已可使用。</translation>
    </message>
    <message>
        <source> (demo: nothing is billed)</source>
        <translation>（演示模式：不计费）</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) have no caption (imported ones are done first). {who} will describe each for search; estimated cost {cost}.</source>
        <translation>
            <numerusform>%n 张图片还没有图片描述（先处理导入的图片）。{who} 将逐张描述以供搜索；预计费用 {cost}。</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{done} captioned, {failed} failed, spent {cost}</source>
        <translation>已生成图片描述 {done} 张，失败 {failed} 张，花费 {cost}</translation>
    </message>
    <message>
        <source>Every picture has a caption now.</source>
        <translation>现在每张图片都有图片描述了。</translation>
    </message>
</context>
<context>
    <name>CheckLibraryDialog</name>
    <message>
        <source>Checking the library…</source>
        <translation>正在检查图库…</translation>
    </message>
    <message>
        <source>Check library</source>
        <translation>检查图库</translation>
    </message>
    <message>
        <source>Rebuild library…</source>
        <translation>重建图库…</translation>
    </message>
    <message>
        <source>Rebuild reads every picture file and builds the library's database anew. Ratings, favourites, tags, notes and collections come back from the edits journal kept beside the pictures; the current database is kept as a copy beside it. It can take minutes for a large library, and the gallery reloads afterwards.</source>
        <translation>重建会读取每个图片文件，重新建立图库数据库。评分、收藏、标签、备注和合集会从图片旁的编辑日志中恢复；当前数据库会在原处保留一份副本。图库较大时可能需要几分钟，完成后图库会重新加载。</translation>
    </message>
    <message>
        <source>Rebuild library repairs this: it reads the database again from the pictures.</source>
        <translation>“重建图库”可以修复此问题：它会根据图片重新生成数据库。</translation>
    </message>
    <message>
        <source>Rebuilding the library…</source>
        <translation>正在重建图库…</translation>
    </message>
    <message>
        <source>Rebuilding the library: %1 of %2 pictures read…</source>
        <translation>正在重建图库：已读取 %1 / %2 张图片…</translation>
    </message>
    <message>
        <source>Quit Studio and run `stepfun-studio library rebuild` to try again; the database copy made before the rebuild (library.db.before-rebuild-…) is beside the pictures.</source>
        <translation>请退出 Studio，运行 `stepfun-studio library rebuild` 重试；重建前备份的数据库副本（library.db.before-rebuild-…）就在图片旁边。</translation>
    </message>
    <message>
        <source>The library could not be read: %1</source>
        <translation>无法读取图库：%1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>what to draw</source>
        <translation>要画什么</translation>
    </message>
    <message>
        <source>sampling steps (default: the model's)</source>
        <translation>采样步数（默认：模型的默认值）</translation>
    </message>
    <message>
        <source>Something was nested too deeply to read; nothing more was done.</source>
        <translation>有内容嵌套过深，无法读取；未执行后续操作。</translation>
    </message>
    <message>
        <source>Studio ran out of memory; nothing more was done.</source>
        <translation>Studio 内存不足；未执行后续操作。</translation>
    </message>
    <message>
        <source>Commands: {commands}.</source>
        <translation>命令：{commands}。</translation>
    </message>
    <message>
        <source>Studio failed on its side ({error}: {detail}); this is a bug.</source>
        <translation>Studio 自身出错（{error}: {detail}）；这是程序缺陷。</translation>
    </message>
    <message>
        <source>If your server takes them, say so: --server-fields seed,steps,guidance,negative_prompt,strength (the ones it takes).</source>
        <translation>如果你的服务器接受这些字段，请注明：--server-fields seed,steps,guidance,negative_prompt,strength（只列出它接受的）。</translation>
    </message>
    <message>
        <source>{provider} retired {model} on {date}.</source>
        <translation>{provider} 已于 {date} 下线 {model}。</translation>
    </message>
    <message>
        <source>{provider} retires {model} on {date}.</source>
        <translation>{provider} 将于 {date} 下线 {model}。</translation>
    </message>
    <message>
        <source>None of {provider}'s models can do this; its models: {models}.</source>
        <translation>{provider} 的模型都做不到这一点；它的模型有：{models}。</translation>
    </message>
    <message>
        <source>{model} takes no {refused}; it takes {takes}.</source>
        <translation>{model} 不接受 {refused}；它接受 {takes}。</translation>
    </message>
    <message>
        <source>{model} takes no {refused}; it takes only a prompt and a size.</source>
        <translation>{model} 不接受 {refused}；它只接受提示词和尺寸。</translation>
    </message>
    <message>
        <source>--server-fields describes a server whose models you name; use it with --provider {providers}.</source>
        <translation>--server-fields 用于描述由你指定模型名的服务器；请与 --provider {providers} 一起使用。</translation>
    </message>
    <message>
        <source>{provider} has no model “{model}”; its models: {models}.</source>
        <translation>{provider} 没有模型“{model}”；它的模型有：{models}。</translation>
    </message>
    <message>
        <source>{flag}: character {position} is not valid text (bytes that are not UTF-8 reached the command line). Check the terminal's encoding.</source>
        <translation>{flag}：第 {position} 个字符不是有效文本（命令行收到了非 UTF-8 字节）。请检查终端的编码。</translation>
    </message>
    <message>
        <source>Providers that work: --provider {providers} (`stepfun-studio providers` lists their models).</source>
        <translation>可用的服务商：--provider {providers}（`stepfun-studio providers` 会列出它们的模型）。</translation>
    </message>
    <message>
        <source>--provider {provider} needs --model: the name your server knows.</source>
        <translation>--provider {provider} 需要 --model：填写你的服务器所用的模型名。</translation>
    </message>
    <message>
        <source>Unknown model “{model}”. `stepfun-studio providers` lists the models; for a model on your own server use --provider {custom} --model {model}.</source>
        <translation>未知的模型“{model}”。`stepfun-studio providers` 会列出所有模型；如果是你自己服务器上的模型，请使用 --provider {custom} --model {model}。</translation>
    </message>
    <message>
        <source>It names {replacement} as the replacement.</source>
        <translation>它指定 {replacement} 为替代模型。</translation>
    </message>
    <message>
        <source>{model} is a model of --provider {other}.</source>
        <translation>{model} 是 --provider {other} 的模型。</translation>
    </message>
    <message>
        <source>This version reads the key for {provider} from {variable} only, not the keyring.</source>
        <translation>此版本只从 {variable} 读取 {provider} 的密钥，不读取钥匙串。</translation>
    </message>
    <message>
        <source>No {variable} is set: using the local stand-in server at {url}. The pictures are drawn on this computer and nothing is billed.</source>
        <translation>未设置 {variable}：使用位于 {url} 的本地模拟服务器。图片在本机绘制，不会计费。</translation>
    </message>
    <message>
        <source>{source}: the server address holds a space, line break or control character (at character {position}). Give the address alone, e.g. https://api.example.com/v1.</source>
        <translation>{source}：服务器地址中含有空格、换行或控制字符（第 {position} 个字符）。请只填写地址本身，例如 https://api.example.com/v1。</translation>
    </message>
    <message>
        <source>--region: {provider} has the regions {regions}.</source>
        <translation>--region：{provider} 的区域有 {regions}。</translation>
    </message>
    <message>
        <source>No API key for {provider}: set {variable}.</source>
        <translation>没有 {provider} 的 API 密钥：请设置 {variable}。</translation>
    </message>
    <message>
        <source>--base-url: {provider} has no address of its own; give your server's.</source>
        <translation>--base-url：{provider} 没有自带的地址；请填写你的服务器地址。</translation>
    </message>
    <message>
        <source>The server's answer is nested too deeply to read; the picture may be billed.</source>
        <translation>服务器的回复嵌套过深，无法读取；这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>--timeout: give a number of seconds above 0.</source>
        <translation>--timeout：请给出大于 0 的秒数。</translation>
    </message>
    <message>
        <source>No picture within {seconds:g} s; the request was given up. The server may still finish it and bill it. Use --timeout to wait longer.</source>
        <translation>{seconds:g} 秒内没有收到图片，已放弃该请求。服务器仍可能完成并计费。可用 --timeout 等待更久。</translation>
    </message>
    <message>
        <source>Studio failed on its side ({error}); this is a bug, please report it. The picture may have been billed.</source>
        <translation>Studio 自身出错（{error}）；这是程序缺陷，请报告。这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>{count} more pictures were not sent after that error.</source>
        <translation>出错后，其余 {count} 张图片未发送。</translation>
    </message>
    <message>
        <source>{count} added to Studio's library ({where}).</source>
        <translation>{count} 张已加入 Studio 图库（{where}）。</translation>
    </message>
    <message>
        <source>The picture was not added to Studio's library.</source>
        <translation>这张图片没有加入 Studio 图库。</translation>
    </message>
    <message>
        <source>Studio's library at {where} cannot be opened: {reason} Nothing was sent. Fix that, or add --no-library to keep the pictures in --out only.</source>
        <translation>无法打开位于 {where} 的 Studio 图库：{reason} 未发送任何请求。请先解决该问题，或加上 --no-library，只把图片保存在 --out 中。</translation>
    </message>
    <message>
        <source>Image {number}: the picture is kept at {path}.</source>
        <translation>图片 {number}：已保存在 {path}。</translation>
    </message>
    <message>
        <source>Image {number}: not added to Studio's library ({error}).</source>
        <translation>图片 {number}：未加入 Studio 图库（{error}）。</translation>
    </message>
    <message>
        <source>Nothing was deleted. `stepfun-studio library rebuild` builds the database again from the pictures.</source>
        <translation>没有删除任何东西。运行 `stepfun-studio library rebuild` 可根据图片重新建立数据库。</translation>
    </message>
    <message>
        <source>The library is in order: every image has its file.</source>
        <translation>图库完好：每张图片的文件都在。</translation>
    </message>
    <message>
        <source>Images whose file is missing: {count}</source>
        <translation>文件缺失的图片：{count}</translation>
    </message>
    <message>
        <source>Reference images missing: {count}</source>
        <translation>缺失的参考图：{count}</translation>
    </message>
    <message>
        <source>Files not in the library: {count}</source>
        <translation>不在图库中的文件：{count}</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} 或 {last}</translation>
    </message>
    <message>
        <source>The picture could not be written to {out}: {reason}</source>
        <translation>无法把图片写入 {out}：{reason}</translation>
    </message>
    <message>
        <source>--out: {out} is not a folder. Name a folder for the pictures.</source>
        <translation>--out：{out} 不是文件夹。请为图片指定一个文件夹。</translation>
    </message>
    <message>
        <source>--out: pictures cannot be written to {out} ({reason}). Nothing was sent; choose another folder.</source>
        <translation>--out：无法把图片写入 {out}（{reason}）。未发送任何请求；请选择其他文件夹。</translation>
    </message>
    <message>
        <source>--out: {out} is not a valid path.</source>
        <translation>--out：{out} 不是有效的路径。</translation>
    </message>
    <message>
        <source>where to send it</source>
        <translation>发送到哪里</translation>
    </message>
    <message>
        <source>where the pictures go</source>
        <translation>图片保存位置</translation>
    </message>
    <message>
        <source>the picture (only what the model takes)</source>
        <translation>图片参数（仅限模型支持的）</translation>
    </message>
    <message>
        <source>pictures to start from</source>
        <translation>起始图片</translation>
    </message>
    <message>
        <source>Generate pictures with an image API, and keep them.</source>
        <translation>通过图像 API 生成图片并保存。</translation>
    </message>
    <message>
        <source>the image API (default: the model's, or stepfun)</source>
        <translation>图像 API（默认：模型所属的服务商，或 stepfun）</translation>
    </message>
    <message>
        <source>model (default: the provider's first model for the mode); any name with --provider compatible</source>
        <translation>模型（默认：服务商在该模式下的第一个模型）；配合 --provider compatible 可用任意名称</translation>
    </message>
    <message>
        <source>another server address: https://, or http:// to this computer only</source>
        <translation>其他服务器地址：https://，http:// 仅限本机</translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation>费用未知</translation>
    </message>
    <message>
        <source>Write a prompt for a picture like this one.</source>
        <translation>为这张图片写一段能生成类似图片的提示词。</translation>
    </message>
    <message>
        <source>Make a prompt richer in a style, or translate it.</source>
        <translation>按某种风格丰富提示词，或翻译提示词。</translation>
    </message>
    <message>
        <source>Caption pictures for search.</source>
        <translation>为搜索生成图片描述。</translation>
    </message>
    <message>
        <source>whose chat models to use (default: stepfun)</source>
        <translation>使用哪家服务商的对话模型（默认：stepfun）</translation>
    </message>
    <message>
        <source>the provider's region</source>
        <translation>服务商的区域</translation>
    </message>
    <message>
        <source>the picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>the prompt's language (default: both)</source>
        <translation>提示词的语言（默认：中英文都要）</translation>
    </message>
    <message>
        <source>the prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>the style to write it in (default: photo)</source>
        <translation>改写所用的风格（默认：photo）</translation>
    </message>
    <message>
        <source>translate between Chinese and English instead</source>
        <translation>改为在中英文之间翻译</translation>
    </message>
    <message>
        <source>at most this many characters (default 1000)</source>
        <translation>最多字数（默认 1000）</translation>
    </message>
    <message>
        <source>Give a prompt to polish.</source>
        <translation>请给出要润色的提示词。</translation>
    </message>
    <message>
        <source>--limit: from 10 to 32000 characters.</source>
        <translation>--limit：10 到 32000 个字符。</translation>
    </message>
    <message>
        <source>at most N pictures</source>
        <translation>最多 N 张图片</translation>
    </message>
    <message>
        <source>--limit: at least 1.</source>
        <translation>--limit：至少为 1。</translation>
    </message>
    <message>
        <source>({model}: {tokens_in} + {tokens_out} tokens, {cost})</source>
        <translation>（{model}：{tokens_in} + {tokens_out} tokens，{cost}）</translation>
    </message>
    <message>
        <source>Every picture already has a caption.</source>
        <translation>所有图片都已有图片描述。</translation>
    </message>
    <message>
        <source>{done} captioned, {failed} failed.</source>
        <translation>{done} 张已生成描述，{failed} 张失败。</translation>
    </message>
    <message>
        <source>Picture {id} was not captioned.</source>
        <translation>图片 {id} 未生成图片描述。</translation>
    </message>
    <message>
        <source>One redraw, edit or reference job per picture of a folder.</source>
        <translation>为文件夹中的每张图片各创建一个垫图重绘、编辑或参考任务。</translation>
    </message>
    <message>
        <source>Every flag of `stepfun-studio generate` that says where and what is sent works here too: --provider, --model, --base-url, --region, --tier, --size, --seed, --steps, --cfg, --source-weight, --quality, ….</source>
        <translation>`stepfun-studio generate` 中所有指定发送目标和发送内容的参数在这里同样适用：--provider、--model、--base-url、--region、--tier、--size、--seed、--steps、--cfg、--source-weight、--quality、…。</translation>
    </message>
    <message>
        <source>a folder of pictures, or one picture</source>
        <translation>一个图片文件夹，或一张图片</translation>
    </message>
    <message>
        <source>the prompt; {filename} becomes each file's name</source>
        <translation>提示词；{filename} 会替换为各个文件的名称</translation>
    </message>
    <message>
        <source>what each picture is</source>
        <translation>每张图片的内容</translation>
    </message>
    <message>
        <source>prompts from NAME.txt beside a picture</source>
        <translation>从图片旁的 NAME.txt 读取提示词</translation>
    </message>
    <message>
        <source>stop before passing this cost</source>
        <translation>在费用超过此金额前停止</translation>
    </message>
    <message>
        <source>the batch's name (and its collection's)</source>
        <translation>批量任务的名称（也是其合集的名称）</translation>
    </message>
    <message>
        <source>print count, cost and time; send nothing</source>
        <translation>只显示张数、费用和用时；不发送任何内容</translation>
    </message>
    <message>
        <source>carry on with an earlier batch</source>
        <translation>继续之前的批量任务</translation>
    </message>
    <message>
        <source>with --resume: also send again pictures that may have been billed</source>
        <translation>配合 --resume：也重新发送可能已计费的图片</translation>
    </message>
    <message>
        <source>Name a folder of pictures (or --resume ID).</source>
        <translation>请指定一个图片文件夹（或 --resume ID）。</translation>
    </message>
    <message>
        <source>Give a prompt, or --sidecar for a .txt beside each picture.</source>
        <translation>请提供提示词，或使用 --sidecar 读取每张图片旁的 .txt 文件。</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何内容。</translation>
    </message>
    <message>
        <source>--resend goes with --resume ID.</source>
        <translation>--resend 需与 --resume ID 一起使用。</translation>
    </message>
    <message>
        <source>no pictures at all</source>
        <translation>没有任何图片</translation>
    </message>
    <message>
        <source>batch takes its pictures from the folder, one picture each, into the library: {flags} cannot be used here.</source>
        <translation>batch 从文件夹读取图片，每张各生成一张图片并存入图库：这里不能使用 {flags}。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>No pictures in {path}.</source>
        <translation>{path} 中没有图片。</translation>
    </message>
    <message>
        <source>batch {id}: {name}</source>
        <translation>批量任务 {id}：{name}</translation>
    </message>
    <message>
        <source>Nothing left to send in batch {id}.</source>
        <translation>批量任务 {id} 中已没有要发送的图片。</translation>
    </message>
    <message>
        <source>The picture was not added to the library.</source>
        <translation>图片未加入图库。</translation>
    </message>
    <message>
        <source>--mode: {model} takes {modes}.</source>
        <translation>--mode：{model} 支持 {modes}。</translation>
    </message>
    <message>
        <source>There is no batch {id}.</source>
        <translation>没有批量任务 {id}。</translation>
    </message>
    <message>
        <source>{count} pictures may have been billed already and are not sent again; add --resend to send them too.</source>
        <translation>{count} 张图片可能已经计费，不会重新发送；加上 --resend 可一并发送。</translation>
    </message>
    <message>
        <source>Stopped at the budget: {count} pictures were not sent. --resume {id} --budget AMOUNT carries on.</source>
        <translation>已达预算，已停止：{count} 张图片未发送。使用 --resume {id} --budget AMOUNT 可继续。</translation>
    </message>
    <message>
        <source>No picture within {seconds:g} s; it may still be made and billed.</source>
        <translation>{seconds:g} 秒内没有收到图片；它仍可能生成并计费。</translation>
    </message>
    <message>
        <source>Make an X/Y grid: one picture for every combination of two axes.</source>
        <translation>生成 X/Y 对比图：两个轴的每种组合各生成一张图片。</translation>
    </message>
    <message>
        <source>the grid</source>
        <translation>对比图</translation>
    </message>
    <message>
        <source>columns: seed, steps, cfg, weight, model or prompt (search/replace)</source>
        <translation>列：seed、steps、cfg、weight、model 或 prompt（搜索/替换）</translation>
    </message>
    <message>
        <source>rows (optional)</source>
        <translation>行（可选）</translation>
    </message>
    <message>
        <source>--n: a grid makes one picture per cell; leave --n out.</source>
        <translation>--n：对比图每个格子生成一张图片；请去掉 --n。</translation>
    </message>
    <message>
        <source>The grid picture could not be written to --out.</source>
        <translation>无法把对比图写入 --out。</translation>
    </message>
    <message>
        <source>{count} pictures ({columns} × {rows}), estimated {cost}.</source>
        <translation>{count} 张图片（{columns} × {rows}），预计 {cost}。</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <source>The grid's pictures are in the collection “{name}”.</source>
        <translation>对比图的图片在合集“{name}”中。</translation>
    </message>
    <message>
        <source>The previous database was set aside, not deleted.</source>
        <translation>原数据库已移到一旁保留，并未删除。</translation>
    </message>
    <message>
        <source>{applied} edits (ratings, favourites, tags, notes, collections) were restored from the edits journal.</source>
        <translation>已从编辑日志恢复 {applied} 项编辑（评分、收藏、标签、备注、合集）。</translation>
    </message>
    <message>
        <source>{skipped} damaged lines of the edits journal were skipped; the log names them.</source>
        <translation>已跳过编辑日志中损坏的 {skipped} 行；日志中列出了这些行。</translation>
    </message>
    <message>
        <source>give up on a picture after this many seconds (default 600)</source>
        <translation>等待一张图片超过这么多秒即放弃（默认 600）</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>do not add the pictures to Studio's library</source>
        <translation>不把图片加入 Studio 图库</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT, e.g. 1024x1536 (default: the model's)</source>
        <translation>宽x高，例如 1024x1536（默认：模型的默认值）</translation>
    </message>
    <message>
        <source>how many pictures</source>
        <translation>图片张数</translation>
    </message>
    <message>
        <source>0 = random; N pictures use S, S+1, …</source>
        <translation>0 = 随机；N 张图片依次使用 S、S+1、…</translation>
    </message>
    <message>
        <source>guidance (CFG) scale (default: the model's)</source>
        <translation>CFG 引导强度（默认：模型的默认值）</translation>
    </message>
    <message>
        <source>what to avoid</source>
        <translation>要避免的内容</translation>
    </message>
    <message>
        <source>e.g. low, medium, high, auto</source>
        <translation>例如 low、medium、high、auto</translation>
    </message>
    <message>
        <source>e.g. transparent, opaque, auto</source>
        <translation>例如 transparent、opaque、auto</translation>
    </message>
    <message>
        <source>png, jpeg or webp</source>
        <translation>png、jpeg 或 webp</translation>
    </message>
    <message>
        <source>low or high (edits)</source>
        <translation>low 或 high（编辑）</translation>
    </message>
    <message>
        <source>the provider's mark on the picture (off unless asked for)</source>
        <translation>服务商在图片上加的水印（默认关闭，需指定才开启）</translation>
    </message>
    <message>
        <source>redraw from this picture (image2image)</source>
        <translation>以这张图片垫图重绘（image2image）</translation>
    </message>
    <message>
        <source>0–1; small stays close (default 0.5)</source>
        <translation>0–1；越小越接近原图（默认 0.5）</translation>
    </message>
    <message>
        <source>style weight, 0–2 (default 1)</source>
        <translation>风格权重，0–2（默认 1）</translation>
    </message>
    <message>
        <source>edit this picture</source>
        <translation>编辑这张图片</translation>
    </message>
    <message>
        <source>a reference picture (repeat for several, in order)</source>
        <translation>一张参考图（多张请重复此参数，按顺序）</translation>
    </message>
    <message>
        <source>unknown field {fields}; the fields are {known}</source>
        <translation>未知字段 {fields}；可用字段为 {known}</translation>
    </message>
    <message>
        <source>with --provider compatible: the extra fields your server takes, from {fields}</source>
        <translation>配合 --provider compatible：你的服务器额外接受的字段，可选 {fields}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>the input's size</source>
        <translation>与输入图片相同</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no seed, steps or cfg</source>
        <translation>不支持种子、步数或 cfg</translation>
    </message>
    <message>
        <source>(each only when named in --server-fields)</source>
        <translation>（各项仅在 --server-fields 中列出时生效）</translation>
    </message>
    <message>
        <source>{amount} a picture</source>
        <translation>每张 {amount}</translation>
    </message>
    <message>
        <source>retired {date}</source>
        <translation>已于 {date} 下线</translation>
    </message>
    <message>
        <source>echoed</source>
        <translation>会回传</translation>
    </message>
    <message>
        <source>not echoed</source>
        <translation>不回传</translation>
    </message>
    <message>
        <source>negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <source>text mode</source>
        <translation>文字模式</translation>
    </message>
    <message>
        <source>a style reference with a weight</source>
        <translation>带权重的风格参考</translation>
    </message>
    <message>
        <source>a mask (edits)</source>
        <translation>蒙版（编辑）</translation>
    </message>
    <message>
        <source>modes</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>sizes</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>takes</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>references</source>
        <translation>参考图</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>pictures</source>
        <translation>张数</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>key: {variable}</source>
        <translation>密钥：{variable}</translation>
    </message>
    <message>
        <source>The image APIs Studio speaks, their models and what they take.</source>
        <translation>Studio 支持的图像 API、它们的模型及各自接受的参数。</translation>
    </message>
    <message>
        <source>as JSON, for scripts</source>
        <translation>以 JSON 输出，供脚本使用</translation>
    </message>
    <message>
        <source>only this provider</source>
        <translation>只列出这个服务商</translation>
    </message>
    <message>
        <source>text to image</source>
        <translation>文生图</translation>
    </message>
    <message>
        <source>steps {range}</source>
        <translation>步数 {range}</translation>
    </message>
    <message>
        <source>key: {variable} or the keyring</source>
        <translation>密钥：{variable} 或钥匙串</translation>
    </message>
    <message>
        <source>(default {value})</source>
        <translation>（默认 {value}）</translation>
    </message>
    <message>
        <source>(by {option}: {listed})</source>
        <translation>（按 {option}：{listed}）</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>or any WxH with {rule}</source>
        <translation>或任意满足 {rule} 的宽x高</translation>
    </message>
    <message>
        <source>(replacement {model})</source>
        <translation>（替代模型 {model}）</translation>
    </message>
    <message>
        <source>seed {low}–{high} ({echoed})</source>
        <translation>种子 {low}–{high}（{echoed}）</translation>
    </message>
    <message>
        <source>cfg {range}</source>
        <translation>cfg {range}</translation>
    </message>
    <message>
        <source>up to {n} reference pictures</source>
        <translation>最多 {n} 张参考图</translation>
    </message>
    <message>
        <source>{n} per request</source>
        <translation>每次请求 {n} 张</translation>
    </message>
    <message>
        <source>server: {where}</source>
        <translation>服务器：{where}</translation>
    </message>
    <message>
        <source>redraw with a weight</source>
        <translation>带权重的重绘</translation>
    </message>
    <message>
        <source>redraw</source>
        <translation>重绘</translation>
    </message>
    <message>
        <source>sides multiples of {n}</source>
        <translation>边长为 {n} 的倍数</translation>
    </message>
    <message>
        <source>{low}–{high} pixels</source>
        <translation>{low}–{high} 像素</translation>
    </message>
    <message>
        <source>no side over {n}</source>
        <translation>边长不超过 {n}</translation>
    </message>
    <message>
        <source>at most {ratio}:1</source>
        <translation>宽高比最大 {ratio}:1</translation>
    </message>
    <message>
        <source>redraw {range}</source>
        <translation>重绘 {range}</translation>
    </message>
    <message>
        <source>for {modes}</source>
        <translation>适用于 {modes}</translation>
    </message>
    <message>
        <source>yours (--base-url)</source>
        <translation>你自己的（--base-url）</translation>
    </message>
    <message>
        <source>models: any your server serves (--model NAME); say which extra fields it takes with --server-fields {fields}</source>
        <translation>模型：你的服务器提供的任意模型（--model NAME）；用 --server-fields {fields} 注明它额外接受哪些字段</translation>
    </message>
    <message>
        <source>borrow the colours and style of this picture</source>
        <translation>借用这张图片的色彩和风格</translation>
    </message>
    <message>
        <source>render text well (Image Edit)</source>
        <translation>精确渲染文字（图像编辑）</translation>
    </message>
    <message>
        <source>how the picture travels (a url is downloaded at once)</source>
        <translation>图片的返回方式（url 会立即下载）</translation>
    </message>
    <message>
        <source>account tier</source>
        <translation>账户等级</translation>
    </message>
    <message>
        <source>Image {number}: </source>
        <translation>图片 {number}：</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
</context>
<context>
    <name>CollectionsSidebar</name>
    <message>
        <source>New collection</source>
        <translation>新建合集</translation>
    </message>
    <message>
        <source>LIBRARY</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>全部图片</translation>
    </message>
    <message>
        <source>♥ Favourites</source>
        <translation>♥ 收藏</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>COLLECTIONS</source>
        <translation>合集</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Rename collection</source>
        <translation>重命名合集</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>删除合集</translation>
    </message>
    <message>
        <source>Delete this collection? Its images stay in the library.</source>
        <translation>删除这个合集？其中的图片仍保留在图库中。</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>新建合集…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Wheel zooms and dragging pans, in step across all images.</source>
        <translation>滚轮缩放、拖动平移，所有图片同步。</translation>
    </message>
    <message>
        <source>Left of the line: the source image. Right: the result.</source>
        <translation>分隔线左边是原图，右边是结果。</translation>
    </message>
</context>
<context>
    <name>CompatibleModelsEditor</name>
    <message>
        <source>Models on this server</source>
        <translation>此服务器上的模型</translation>
    </message>
    <message>
        <source>Add model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <source>It also takes</source>
        <translation>还支持</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>As the server names it, e.g. black-forest-labs/FLUX.1-dev</source>
        <translation>与服务器上的名称一致，例如 black-forest-labs/FLUX.1-dev</translation>
    </message>
    <message>
        <source>e.g. 1024x1024 1328x1328; empty: the usual sizes</source>
        <translation>例如 1024x1024 1328x1328；留空：使用常用尺寸</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Guidance (CFG)</source>
        <translation>引导强度（CFG）</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <source>Strength (redraw)</source>
        <translation>重绘强度</translation>
    </message>
    <message>
        <source>Tick only what your server accepts: Studio sends a field only when it is ticked, and a server may refuse a request with a field it does not know.</source>
        <translation>只勾选你的服务器接受的项：Studio 只发送已勾选的字段，服务器可能会拒绝带有未知字段的请求。</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Unknown provider “{provider}”.</source>
        <translation>未知的服务商“{provider}”。</translation>
    </message>
    <message>
        <source>There is a key for {provider} but no server address: enter it in Settings ▸ Providers, or set {variable}.</source>
        <translation>已有 {provider} 的密钥，但没有服务器地址：请在“设置 ▸ 服务商”中填写，或设置 {variable}。</translation>
    </message>
</context>
<context>
    <name>CreativeTools</name>
    <message>
        <source>Edit Caption…</source>
        <translation>编辑图片描述…</translation>
    </message>
    <message>
        <source>Describe…</source>
        <translation>描述图片…</translation>
    </message>
    <message>
        <source>the reference</source>
        <translation>参考图</translation>
    </message>
    <message>
        <source>Style “{name}” applied.</source>
        <translation>已应用风格模板“{name}”。</translation>
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation>请先写提示词。</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>润色</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Open a picture first, then Describe it.</source>
        <translation>请先打开一张图片，再使用“描述图片”。</translation>
    </message>
    <message>
        <source>The picture could not be read: {error}</source>
        <translation>无法读取图片：{error}</translation>
    </message>
    <message>
        <source>Edit Caption</source>
        <translation>编辑图片描述</translation>
    </message>
    <message>
        <source>What the picture shows (search finds these words):</source>
        <translation>图片里有什么（搜索能找到这些词）：</translation>
    </message>
    <message>
        <source>Caption saved.</source>
        <translation>图片描述已保存。</translation>
    </message>
</context>
<context>
    <name>CullingController</name>
    <message numerus="yes">
        <source>Rate %n image(s)</source>
        <translation>
            <numerusform>为 %n 张图片评分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rated %n image(s): </source>
        <translation>
            <numerusform>已为 %n 张图片评分：</numerusform>
        </translation>
    </message>
    <message>
        <source>no stars</source>
        <translation>无星</translation>
    </message>
    <message numerus="yes">
        <source>Favourite %n image(s)</source>
        <translation>
            <numerusform>收藏 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unfavourite %n image(s)</source>
        <translation>
            <numerusform>取消收藏 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n image(s)</source>
        <translation>
            <numerusform>淘汰 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unreject %n image(s)</source>
        <translation>
            <numerusform>取消淘汰 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n image(s) to the trash</source>
        <translation>
            <numerusform>将 %n 张图片移到回收站</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n image(s) to the trash (Ctrl+Z to undo)</source>
        <translation>
            <numerusform>已将 %n 张图片移到回收站（Ctrl+Z 撤销）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n image(s)</source>
        <translation>
            <numerusform>恢复 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n image(s) for good</source>
        <translation>
            <numerusform>已永久删除 %n 张图片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; No {provider} key is set, so pictures are drawn locally by a built-in stand-in server. They are test patterns, not {provider} images, and nothing is billed.</source>
        <translation>&lt;b&gt;演示模式。&lt;/b&gt;未设置 {provider} 密钥，因此图片由内置的模拟服务器在本地绘制。它们是测试图案，不是 {provider} 生成的图片，也不会计费。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; No API key is set, so pictures are drawn locally by a built-in stand-in server. They are test patterns, and nothing is billed.</source>
        <translation>&lt;b&gt;演示模式。&lt;/b&gt;未设置 API 密钥，因此图片由内置的模拟服务器在本地绘制。它们是测试图案，不会计费。</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>输入 API 密钥…</translation>
    </message>
</context>
<context>
    <name>DescribeDialog</name>
    <message>
        <source>Describe Picture</source>
        <translation>描述图片</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Use as Prompt</source>
        <translation>用作提示词</translation>
    </message>
    <message>
        <source>Append to Prompt</source>
        <translation>追加到提示词</translation>
    </message>
    <message>
        <source>{provider} is looking at {name}…</source>
        <translation>{provider} 正在查看 {name}…</translation>
    </message>
    <message>
        <source> (demo: the local stand-in answers)</source>
        <translation>（演示：由本地模拟服务器回答）</translation>
    </message>
</context>
<context>
    <name>DetailInfo</name>
    <message>
        <source>No image selected.</source>
        <translation>未选择图片。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>CFG scale</source>
        <translation>CFG 强度</translation>
    </message>
    <message>
        <source>Seed asked</source>
        <translation>请求的种子</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Seed returned</source>
        <translation>返回的种子</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考图</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>蒙版</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Source weight</source>
        <translation>原图权重</translation>
    </message>
    <message>
        <source>Style weight</source>
        <translation>风格权重</translation>
    </message>
    <message>
        <source>Text mode</source>
        <translation>文字模式</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>{s:.1f} s</source>
        <translation>{s:.1f} 秒</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>返回格式</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>Trace id</translation>
    </message>
    <message>
        <source>Image id</source>
        <translation>图片编号</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>图片描述</translation>
    </message>
    <message>
        <source>Text to image</source>
        <translation>文生图</translation>
    </message>
    <message>
        <source>Redraw</source>
        <translation>垫图重绘</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>图像编辑</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Reuse all</source>
        <translation>复用全部参数</translation>
    </message>
    <message>
        <source>Reuse seed</source>
        <translation>复用种子</translation>
    </message>
    <message>
        <source>Use as source</source>
        <translation>用作原图</translation>
    </message>
    <message>
        <source>Use as style</source>
        <translation>用作风格</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <translation>复制提示词</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>The image file of image {id} could not be read.</source>
        <translation>无法读取图片 {id} 的文件。</translation>
    </message>
    <message>
        <source>Image copied.</source>
        <translation>图片已复制。</translation>
    </message>
    <message>
        <source>Prompt copied.</source>
        <translation>提示词已复制。</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>图片另存为</translation>
    </message>
    <message>
        <source>Images (*{suffix})</source>
        <translation>图片 (*{suffix})</translation>
    </message>
    <message>
        <source>Could not save to {path}: {reason}</source>
        <translation>无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Moved to the trash.</source>
        <translation>已移到回收站。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>DockTexts</name>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>guidance (CFG)</source>
        <translation>引导强度（CFG）</translation>
    </message>
    <message>
        <source>negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <source>text mode</source>
        <translation>文字模式</translation>
    </message>
    <message>
        <source>style reference</source>
        <translation>风格参考</translation>
    </message>
    <message>
        <source>source image</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>source weight</source>
        <translation>原图权重</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>蒙版</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>input fidelity</source>
        <translation>输入保真度</translation>
    </message>
    <message>
        <source>watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <source>1 reference picture</source>
        <translation>1 张参考图</translation>
    </message>
    <message>
        <source>{n} reference pictures</source>
        <translation>{n} 张参考图</translation>
    </message>
    <message>
        <source>size {size}</source>
        <translation>尺寸 {size}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>DropChoices</name>
    <message>
        <source>This model draws from text only; it takes no picture.</source>
        <translation>此模型只根据文字生成，不接受图片。</translation>
    </message>
    <message>
        <source>The reference pictures are full ({count} / {limit}).</source>
        <translation>参考图已满（{count} / {limit}）。</translation>
    </message>
    <message>
        <source>This model takes no reference pictures.</source>
        <translation>此模型不支持参考图。</translation>
    </message>
    <message>
        <source>This model takes no style reference.</source>
        <translation>此模型不支持风格参考。</translation>
    </message>
    <message>
        <source>A style reference works only without a source image; remove the source first.</source>
        <translation>风格参考只能在没有原图时使用；请先移除原图。</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Redraw from this</source>
        <translation>以此垫图重绘</translation>
    </message>
    <message>
        <source>Use its style</source>
        <translation>使用它的风格</translation>
    </message>
    <message>
        <source>Edit this image</source>
        <translation>编辑这张图片</translation>
    </message>
    <message>
        <source>Add as a reference picture</source>
        <translation>添加为参考图</translation>
    </message>
    <message>
        <source>Restore its parameters</source>
        <translation>恢复它的参数</translation>
    </message>
    <message>
        <source>Import into the library</source>
        <translation>导入图库</translation>
    </message>
    <message>
        <source>Use it as the source image and redraw from it.</source>
        <translation>用作原图并据此重绘。</translation>
    </message>
    <message>
        <source>Use it as the style reference.</source>
        <translation>用作风格参考。</translation>
    </message>
    <message>
        <source>Use it as the picture to edit.</source>
        <translation>用作待编辑图片。</translation>
    </message>
    <message>
        <source>Add it to the reference pictures the model draws from.</source>
        <translation>添加到参考图，供模型参考。</translation>
    </message>
    <message>
        <source>Fill the prompt and settings from the image's metadata.</source>
        <translation>根据图片的元数据填写提示词和参数。</translation>
    </message>
    <message>
        <source>Add the dropped pictures to the library.</source>
        <translation>把拖入的图片加入图库。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No pictures yet. Write a prompt and press Generate, or drop pictures here to import them.</source>
        <translation>还没有图片。写下提示词并点击“生成”，或把图片拖到这里导入。</translation>
    </message>
    <message>
        <source>No picture matches these filters.</source>
        <translation>没有图片符合这些筛选条件。</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>No favourites yet. Select a picture and press F to mark it as a favourite.</source>
        <translation>还没有收藏。选中一张图片并按 F 将其收藏。</translation>
    </message>
    <message>
        <source>This collection is empty. Drag pictures onto its name on the left to add them.</source>
        <translation>这个合集是空的。把图片拖到左侧的合集名称上即可添加。</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>清除搜索和筛选</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Show favourites only</source>
        <translation>只看收藏</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>任意评分</translation>
    </message>
    <message>
        <source> or more</source>
        <translation> 及以上</translation>
    </message>
    <message>
        <source>Hide rejected</source>
        <translation>隐藏已淘汰</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>任意服务商</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Any model</source>
        <translation>任意模型</translation>
    </message>
    <message>
        <source>Any size</source>
        <translation>任意尺寸</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <source>Best rated</source>
        <translation>评分最高</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Filter by tag, provider, model, size and date</source>
        <translation>按标签、服务商、模型、尺寸和日期筛选</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
</context>
<context>
    <name>GalleryContextMenu</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Use as source</source>
        <translation>用作原图</translation>
    </message>
    <message>
        <source>Use as style</source>
        <translation>用作风格</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Favourite	F</source>
        <translation>收藏	F</translation>
    </message>
    <message>
        <source>Reject	X</source>
        <translation>淘汰	X</translation>
    </message>
    <message>
        <source>Add to collection</source>
        <translation>加入合集</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>新建合集…</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Compare side by side</source>
        <translation>并排比较</translation>
    </message>
    <message>
        <source>Compare with its source</source>
        <translation>与原图比较</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Import images…</source>
        <translation>导入图片…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>No stars</source>
        <translation>无星级</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Move to trash	Del</source>
        <translation>移到回收站	Del</translation>
    </message>
    <message>
        <source>Reuse parameters</source>
        <translation>复用参数</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
</context>
<context>
    <name>GalleryDelegate</name>
    <message>
        <source>SRC</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>STYLE</source>
        <translation>风格</translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <source>{prompt}
{model} · {provider} · {width}×{height}</source>
        <translation>{prompt}
{model} · {provider} · {width}×{height}</translation>
    </message>
</context>
<context>
    <name>GalleryOrganise</name>
    <message numerus="yes">
        <source>Tags updated on %n image(s)</source>
        <translation>
            <numerusform>已更新 %n 张图片的标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>备注已保存</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n image(s)</source>
        <translation>
            <numerusform>已导入 %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note for this image:</source>
        <translation>这张图片的备注：</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s)</source>
        <translation>
            <numerusform>已导出 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not imported</source>
        <translation>
            <numerusform>%n 张未导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: </source>
        <translation>未导入任何内容：</translation>
    </message>
    <message>
        <source>The library is in order: every image has its file.</source>
        <translation>图库完好：每张图片的文件都在。</translation>
    </message>
    <message>
        <source>Nothing was deleted. Import stray files to bring them back.</source>
        <translation>没有删除任何东西。导入多出的文件即可把它们找回来。</translation>
    </message>
    <message>
        <source>Tags to add, separated by commas (prefix with - to remove):</source>
        <translation>要添加的标签，用逗号分隔（前面加 - 表示移除）：</translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n 张已在图库中</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Import images</source>
        <translation>导入图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) whose file is missing</source>
        <translation>
            <numerusform>%n 张图片的文件缺失</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference image(s) missing</source>
        <translation>
            <numerusform>%n 张参考图缺失</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not in the library</source>
        <translation>
            <numerusform>%n 个文件不在图库中</numerusform>
        </translation>
    </message>
    <message>
        <source>Known:</source>
        <translation>已有：</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <source>Search prompts, tags and notes…</source>
        <translation>搜索提示词、标签和备注…</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+wheel)</source>
        <translation>缩略图大小（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import pictures into the library</source>
        <translation>把图片导入图库</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Check library</source>
        <translation>检查图库</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图片</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 张图片</translation>
    </message>
    <message numerus="yes">
        <source>Added %n image(s) to the collection</source>
        <translation>
            <numerusform>已将 %n 张图片加入合集</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n image(s) to “{name}”</source>
        <translation>
            <numerusform>已将 %n 张图片加入“{name}”</numerusform></translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Delete every image in the trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的所有图片？此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n image(s)</source>
        <translation>
            <numerusform>已复制 %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>This image was not made from a source image.</source>
        <translation>这张图片不是由原图生成的。</translation>
    </message>
    <message>
        <source>Source ◀ ▶ Result</source>
        <translation>原图 ◀ ▶ 结果</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>GenerateFooter</name>
    <message>
        <source>1 picture</source>
        <translation>1 张图片</translation>
    </message>
    <message>
        <source>{n} pictures</source>
        <translation>{n} 张图片</translation>
    </message>
    <message>
        <source>≈ {amount}</source>
        <translation>≈ {amount}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Scroll to the field that needs a change</source>
        <translation>跳转到需要修改的选项</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>{reason} (and {more} more)</source>
        <translation>{reason}（另有 {more} 项）</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation>生成（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>GenerationTab</name>
    <message>
        <source>{model} (retired {date})</source>
        <translation>{model}（{date} 已下线）</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>CFG scale</source>
        <translation>CFG 强度</translation>
    </message>
    <message>
        <source>Result as</source>
        <translation>返回格式</translation>
    </message>
    <message>
        <source>Image data in the answer (b64_json)</source>
        <translation>回复中直接包含图片数据（b64_json）</translation>
    </message>
    <message>
        <source>Download link (url)</source>
        <translation>下载链接（url）</translation>
    </message>
</context>
<context>
    <name>ImageDrop</name>
    <message>
        <source>dropped image</source>
        <translation>拖入的图片</translation>
    </message>
    <message>
        <source>“{name}” is larger than {limit} MB; download it and drop the file.</source>
        <translation>“{name}”超过 {limit} MB；请先下载，再拖入文件。</translation>
    </message>
    <message>
        <source>Images from the gallery cannot be dropped here.</source>
        <translation>图库中的图片不能拖到这里。</translation>
    </message>
    <message>
        <source>“{name}” is not an http(s) link.</source>
        <translation>“{name}”不是 http(s) 链接。</translation>
    </message>
    <message>
        <source>“{name}” could not be downloaded: the server answered {status}.</source>
        <translation>无法下载“{name}”：服务器返回 {status}。</translation>
    </message>
    <message>
        <source>“{name}” could not be downloaded: no answer within {seconds} s.</source>
        <translation>无法下载“{name}”：{seconds} 秒内没有响应。</translation>
    </message>
    <message>
        <source>“{name}” could not be downloaded: {reason}</source>
        <translation>无法下载“{name}”：{reason}</translation>
    </message>
    <message>
        <source>Image #{id} is no longer in the library.</source>
        <translation>图片 #{id} 已不在图库中。</translation>
    </message>
    <message>
        <source>The image could not be prepared: {error}</source>
        <translation>无法准备图片：{error}</translation>
    </message>
</context>
<context>
    <name>Iterate</name>
    <message>
        <source>{action}: redraw at weight {weight:g} with {model}</source>
        <translation>{action}：用 {model} 以权重 {weight:g} 垫图重绘</translation>
    </message>
    <message>
        <source>Vary (subtle)</source>
        <translation>变体（细微）</translation>
    </message>
    <message>
        <source>Vary (strong)</source>
        <translation>变体（强）</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>更多类似的</translation>
    </message>
    <message>
        <source>Use as reference</source>
        <translation>用作参考图</translation>
    </message>
    <message>
        <source>{action}: the picture as a reference for {model}</source>
        <translation>{action}：将这张图片作为 {model} 的参考图</translation>
    </message>
    <message>
        <source>{action}: an instruction edit with {model} (the prompt says what)</source>
        <translation>{action}：用 {model} 按指令编辑（由提示词说明改什么）</translation>
    </message>
    <message>
        <source>{action}: a redraw with {model}, which takes no weight</source>
        <translation>{action}：用 {model} 垫图重绘（该模型不支持权重）</translation>
    </message>
    <message>
        <source>{action}: {model} takes no pictures; choose a model that does</source>
        <translation>{action}：{model} 不接受图片输入；请选择支持图片输入的模型</translation>
    </message>
    <message>
        <source>{action}: {count} pictures with new seeds on {model}</source>
        <translation>{action}：用 {model} 以新种子生成 {count} 张图片</translation>
    </message>
    <message>
        <source>{action}: new seeds only, as {model} takes no pictures</source>
        <translation>{action}：仅更换种子，因为 {model} 不接受图片输入</translation>
    </message>
</context>
<context>
    <name>IterationActions</name>
    <message>
        <source>The picture could not be used; the log has the details.</source>
        <translation>无法使用这张图片；详情见日志。</translation>
    </message>
    <message>
        <source>That picture is no longer in the library.</source>
        <translation>这张图片已不在图库中。</translation>
    </message>
    <message>
        <source>Vary (subtle)</source>
        <translation>变体（细微）</translation>
    </message>
    <message>
        <source>Vary (strong)</source>
        <translation>变体（强）</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>更多类似的</translation>
    </message>
    <message>
        <source>Use as reference</source>
        <translation>用作参考图</translation>
    </message>
    <message>
        <source>A new picture close to this one (sent at once)</source>
        <translation>生成一张与此图相近的新图片（立即发送）</translation>
    </message>
    <message>
        <source>A new picture that wanders further (sent at once)</source>
        <translation>生成一张变化更大的新图片（立即发送）</translation>
    </message>
    <message>
        <source>Four more pictures with the same parameters and new seeds (sent at once)</source>
        <translation>用相同参数和新种子再生成四张图片（立即发送）</translation>
    </message>
    <message>
        <source>Put this picture in the parameters, as a reference or the source (nothing is sent)</source>
        <translation>把这张图片放入参数，作为参考图或原图（不会发送）</translation>
    </message>
    <message>
        <source>Queued 1 picture.</source>
        <translation>已将 1 张图片加入队列。</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Vary this picture, or make more like it</source>
        <translation>生成这张图片的变体，或更多相似的图片</translation>
    </message>
    <message>
        <source>Choose a picture first.</source>
        <translation>请先选择一张图片。</translation>
    </message>
    <message>
        <source>Still starting up; try again in a moment.</source>
        <translation>仍在启动中；请稍后再试。</translation>
    </message>
    <message>
        <source>The picture's file could not be read: {reason}</source>
        <translation>无法读取图片文件：{reason}</translation>
    </message>
    <message>
        <source>Choose a model in the parameters first.</source>
        <translation>请先在参数中选择模型。</translation>
    </message>
    <message>
        <source>Queued {count} pictures.</source>
        <translation>已将 {count} 张图片加入队列。</translation>
    </message>
    <message>
        <source>The reference pictures are full ({count} / {limit}).</source>
        <translation>参考图已满（{count} / {limit}）。</translation>
    </message>
</context>
<context>
    <name>JobPlaceholder</name>
    <message>
        <source>Making a picture…</source>
        <translation>正在生成图片…</translation>
    </message>
    <message>
        <source>{elapsed} s · longer than the usual ~{typical} s</source>
        <translation>{elapsed} 秒 · 比通常的约 {typical} 秒更久</translation>
    </message>
    <message>
        <source>{elapsed} s of about {typical} s</source>
        <translation>{elapsed} 秒 / 约 {typical} 秒</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>等待中…</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>The list of jobs could not be read ({reason}); Studio tries again in a moment. This is a bug in Studio; the details are in the log.</source>
        <translation>无法读取任务列表（{reason}）；Studio 稍后会重试。这是 Studio 的程序缺陷；详细信息在日志中。</translation>
    </message>
    <message>
        <source>The new jobs could not be saved ({reason}). They are being made all the same, but quitting now forgets them.</source>
        <translation>无法保存新任务（{reason}）。它们仍会照常生成，但如果现在退出，这些任务将会丢失。</translation>
    </message>
    <message>
        <source>the app's log folder</source>
        <translation>程序的日志文件夹</translation>
    </message>
    <message>
        <source>Studio failed on its own side ({reason}); this is a bug in Studio, not the server's answer. The details are in the log: {log}</source>
        <translation>Studio 自身出错（{reason}）：这是 Studio 的程序缺陷，不是服务器的回答。详情已写入日志：{log}</translation>
    </message>
    <message>
        <source>The app closed while this image was being made. It may have been made and billed; it was not sent again. Send it again yourself if you want it.</source>
        <translation>生成这张图片时应用被关闭。它可能已经生成并计费；应用没有重新发送。如需要，请自行重新发送。</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>no keyring backend is installed or reachable</source>
        <translation>没有安装或无法访问钥匙串后端</translation>
    </message>
    <message>
        <source>the keyring is switched off</source>
        <translation>钥匙串已关闭</translation>
    </message>
    <message>
        <source>the only keyring stores secrets in a file, which Studio never does</source>
        <translation>唯一可用的钥匙串把密钥存放在文件中，Studio 从不这样做</translation>
    </message>
    <message>
        <source>No working system keyring was found, so the key cannot be saved.</source>
        <translation>找不到可用的系统钥匙串，因此无法保存密钥。</translation>
    </message>
    <message>
        <source>The API key is empty.</source>
        <translation>API 密钥为空。</translation>
    </message>
    <message>
        <source>An API key is one word of plain letters and digits, without spaces.</source>
        <translation>API 密钥是由字母和数字组成的一个词，不含空格。</translation>
    </message>
    <message>
        <source>A key you enter is kept in memory for this session only. To use a key every time without a keyring, set the {variable} environment variable.</source>
        <translation>你输入的密钥仅在本次会话中保存在内存里。如果没有钥匙串又想每次都使用密钥，请设置环境变量 {variable}。</translation>
    </message>
    <message>
        <source>The system keyring is locked or unlocking it was refused, so the key cannot be saved.</source>
        <translation>系统钥匙串已锁定或拒绝解锁，因此无法保存密钥。</translation>
    </message>
    <message>
        <source>Reason: {detail}</source>
        <translation>原因：{detail}</translation>
    </message>
    <message>
        <source>The system keyring refused to store the key.</source>
        <translation>系统钥匙串拒绝保存密钥。</translation>
    </message>
    <message>
        <source>the keyring did not answer within {seconds:g} s</source>
        <translation>钥匙串在 {seconds:g} 秒内没有响应</translation>
    </message>
    <message>
        <source>Unknown provider “{provider}”.</source>
        <translation>未知的服务商“{provider}”。</translation>
    </message>
    <message>
        <source>The key could not be removed from the system keyring.</source>
        <translation>无法从系统钥匙串中删除密钥。</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>it is a folder, not a picture</source>
        <translation>这是文件夹，不是图片</translation>
    </message>
    <message>
        <source>it is not a regular file (a pipe or a device)</source>
        <translation>它不是普通文件（是管道或设备）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file grew past the import limit while read</source>
        <translation>文件在读取过程中超过了导入上限</translation>
    </message>
    <message>
        <source>the file name is not valid</source>
        <translation>文件名无效</translation>
    </message>
    <message>
        <source>it carries a compressed text chunk “{keyword}” that inflates past {limit} MB (this is how text bombs look); it is not imported</source>
        <translation>它包含压缩文本块“{keyword}”，解压后超过 {limit} MB（文本炸弹就是这样的）；未导入</translation>
    </message>
    <message>
        <source>it carries a text chunk “{keyword}” of {size} MB; pictures with more than {limit} MB of text in one chunk are not imported</source>
        <translation>它带有一个 {size} MB 的文本块“{keyword}”；单个文本块超过 {limit} MB 的图片不会导入</translation>
    </message>
    <message>
        <source>it claims far more pixels than Studio imports (a decompression bomb)</source>
        <translation>它声称的像素数远超 Studio 可导入的上限（解压炸弹）</translation>
    </message>
    <message>
        <source>not a PNG, JPEG or WebP picture</source>
        <translation>不是 PNG、JPEG 或 WebP 图片</translation>
    </message>
    <message>
        <source>the picture is damaged or truncated and cannot be shown</source>
        <translation>图片已损坏或不完整，无法显示</translation>
    </message>
    <message>
        <source>the file is {size} MB; at most {limit} MB are imported</source>
        <translation>文件大小为 {size} MB；最多只导入 {limit} MB</translation>
    </message>
    <message>
        <source>the picture is damaged (no size)</source>
        <translation>图片已损坏（没有尺寸信息）</translation>
    </message>
    <message>
        <source>its parameters hold a prompt of {size} KB; at most {limit} KB are imported</source>
        <translation>其参数中的提示词有 {size} KB；最多导入 {limit} KB</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>it claims {width}×{height} pixels, more than the {limit} megapixels Studio imports</source>
        <translation>它声称有 {width}×{height} 像素，超过 Studio 能导入的 {limit} 百万像素</translation>
    </message>
    <message>
        <source>The library was rebuilt from {count} image files.</source>
        <translation>已根据 {count} 个图片文件重建图库。</translation>
    </message>
    <message>
        <source>The library database could not be opened ({reason}). It was moved to {aside} and a new, empty one was started. Your images are still in {images}: quit Studio and run `stepfun-studio library rebuild` to bring them back.</source>
        <translation>无法打开图库数据库（{reason}）。它已被移到 {aside}，并新建了一个空数据库。你的图片仍在 {images}：请退出 Studio 并运行 `stepfun-studio library rebuild` 找回它们。</translation>
    </message>
    <message>
        <source>The previous database was kept at {aside}.</source>
        <translation>原来的数据库保留在 {aside}。</translation>
    </message>
    <message>
        <source>{applied} edits (ratings, tags, notes, collections) were restored.</source>
        <translation>已恢复 {applied} 项编辑（评分、标签、备注、合集）。</translation>
    </message>
    <message>
        <source>{skipped} damaged journal lines were skipped (see the log).</source>
        <translation>已跳过编辑日志中损坏的 {skipped} 行（见日志）。</translation>
    </message>
    <message>
        <source>The library at {path} was made by a newer version of StepFun Studio (schema {found}, this version knows {known}). Update the app to open it; the library was left untouched.</source>
        <translation>{path} 的图库由更新版本的 StepFun Studio 创建（结构版本 {found}，本版本只认识 {known}）。请更新应用后再打开；图库未作任何改动。</translation>
    </message>
    <message>
        <source>The disk holding the library is full ({place}). Free some space and try again; nothing was lost.</source>
        <translation>图库所在的磁盘已满（{place}）。请腾出一些空间后重试；没有丢失任何内容。</translation>
    </message>
    <message>
        <source>The library cannot write to {place}: permission denied or a read-only disk. Check the folder's permissions.</source>
        <translation>图库无法写入 {place}：权限不足或磁盘为只读。请检查该文件夹的权限。</translation>
    </message>
    <message>
        <source>The library could not open {place}. Check that the folder exists and can be written.</source>
        <translation>图库无法打开 {place}。请检查该文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>The library database is locked by another program ({place}). Close other copies of StepFun Studio and try again.</source>
        <translation>图库数据库被另一个程序锁定（{place}）。请关闭其他正在运行的 StepFun Studio 后重试。</translation>
    </message>
    <message>
        <source>The library database is damaged ({place}). Restart the app: it will set the damaged file aside, and you can rebuild from the images.</source>
        <translation>图库数据库已损坏（{place}）。请重启应用：它会把损坏的文件移到一旁，之后你可以根据图片重建图库。</translation>
    </message>
    <message>
        <source>The disk reported an error while using the library ({place}). Check the disk, then try again.</source>
        <translation>使用图库时磁盘报告了错误（{place}）。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>A library file is missing ({place}). Run Check Library to find what is gone.</source>
        <translation>缺少一个图库文件（{place}）。请运行“检查图库”，找出缺失的内容。</translation>
    </message>
    <message>
        <source>could not be imported ({error}); the log file has the details</source>
        <translation>无法导入（{error}）；详情见日志文件</translation>
    </message>
</context>
<context>
    <name>LibraryNotice</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Lightbox</name>
    <message>
        <source>Rejected</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <source>{index} of {count}</source>
        <translation>第 {index} 张，共 {count} 张</translation>
    </message>
    <message>
        <source>← → move · 0–5 rate · F favourite · X reject · Esc close</source>
        <translation>← → 切换 · 0–5 评分 · F 收藏 · X 淘汰 · Esc 关闭</translation>
    </message>
    <message>
        <source>The original file is missing.</source>
        <translation>原始文件不见了。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Still starting up; try again in a moment.</source>
        <translation>仍在启动中，请稍后再试。</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n image(s).</source>
        <translation>
            <numerusform>已加入队列：%n 张图片。</numerusform>
        </translation>
    </message>
    <message>
        <source>The picture is now the source image.</source>
        <translation>这张图片现在是原图。</translation>
    </message>
    <message>
        <source>Picture ready (seed {seed}).</source>
        <translation>图片已生成（种子 {seed}）。</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Quit StepFun Studio?</source>
        <translation>退出 StepFun Studio？</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) are still being made. They may already be billed.</source>
        <translation>
            <numerusform>还有 %n 张图片正在生成，可能已经计费。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting waits up to %1 s for pictures already on their way and keeps them; the ones not sent yet are sent at the next start.</source>
        <translation>退出时最多等待 %1 秒，让已发出的图片返回并保留；尚未发送的图片将在下次启动时发送。</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>仍然退出</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>StepFun Studio</source>
        <translation>StepFun Studio</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>{label} · retired {date}</source>
        <translation>{label} · {date} 已下线</translation>
    </message>
    <message>
        <source>{label} · retires {date}</source>
        <translation>{label} · {date} 下线</translation>
    </message>
    <message>
        <source>The vendor retired this model on {date}; it works only on a server that still serves it.</source>
        <translation>厂商已于 {date} 下线此模型；只能在仍提供它的服务器上使用。</translation>
    </message>
    <message>
        <source>The vendor names {model} instead.</source>
        <translation>厂商指定的替代模型是 {model}。</translation>
    </message>
</context>
<context>
    <name>ParameterDock</name>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Use the last returned seed</source>
        <translation>使用上次返回的种子</translation>
    </message>
    <message>
        <source>Fast preset</source>
        <translation>快速预设</translation>
    </message>
    <message>
        <source>Quality preset</source>
        <translation>高质量预设</translation>
    </message>
    <message>
        <source>New random seed</source>
        <translation>新的随机种子</translation>
    </message>
    <message>
        <source>Parameters reused on {model}.</source>
        <translation>已在 {model} 上复用参数。</translation>
    </message>
    <message>
        <source>Parameters reused on {model}, which takes no {dropped}.</source>
        <translation>已在 {model} 上复用参数，该模型不支持{dropped}。</translation>
    </message>
    <message>
        <source>The reference pictures are full ({count} / {limit}).</source>
        <translation>参考图已满（{count} / {limit}）。</translation>
    </message>
    <message>
        <source>The picture is now reference picture {number}.</source>
        <translation>这张图片现在是参考图 {number}。</translation>
    </message>
    <message>
        <source>{model} takes no style reference; the picture waits in the style slot.</source>
        <translation>{model} 不支持风格参考；图片暂留在风格参考槽位中。</translation>
    </message>
    <message>
        <source>The picture is now the style reference.</source>
        <translation>这张图片现在是风格参考。</translation>
    </message>
    <message>
        <source>Use the last returned seed ({seed})</source>
        <translation>使用上次返回的种子（{seed}）</translation>
    </message>
    <message>
        <source>{model} takes no {dropped}; left out.</source>
        <translation>{model} 不支持{dropped}，已略去。</translation>
    </message>
</context>
<context>
    <name>ParameterFields</name>
    <message>
        <source>Square</source>
        <translation>正方形</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Automatic (the model chooses)</source>
        <translation>自动（由模型决定）</translation>
    </message>
    <message>
        <source>{size}  ·  shape from the prompt</source>
        <translation>{size}  ·  画幅由提示词决定</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Input fidelity</source>
        <translation>输入保真度</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <source>Higher quality takes longer and costs more per picture</source>
        <translation>质量越高，每张图片耗时越长、费用越高</translation>
    </message>
    <message>
        <source>Transparent works with the PNG and WebP formats</source>
        <translation>透明背景仅适用于 PNG 和 WebP 格式</translation>
    </message>
    <message>
        <source>The file format the server answers with</source>
        <translation>服务器返回的文件格式</translation>
    </message>
    <message>
        <source>High keeps faces and details of the given pictures closer</source>
        <translation>选“高”时，更忠实地保留所给图片中的人脸和细节</translation>
    </message>
    <message>
        <source>On: the vendor puts its visible “AI generated” mark on the picture</source>
        <translation>开启时：厂商会在图片上加上可见的“AI 生成”标识</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>透明</translation>
    </message>
    <message>
        <source>Opaque</source>
        <translation>不透明</translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <source>Weight {low:g}–{high:g}. {advice}</source>
        <translation>权重 {low:g}–{high:g}。{advice}</translation>
    </message>
    <message>
        <source>Text to image</source>
        <translation>文生图</translation>
    </message>
    <message>
        <source>Redraw from the source image</source>
        <translation>根据原图重绘</translation>
    </message>
    <message>
        <source>Edit the image</source>
        <translation>编辑图片</translation>
    </message>
    <message>
        <source>{low:g}–{high:g} for this model</source>
        <translation>此模型为 {low:g}–{high:g}</translation>
    </message>
    <message>
        <source>{low:g}–{high:g}; higher follows the prompt more closely. At 1 the negative prompt is ignored.</source>
        <translation>{low:g}–{high:g}；越高越贴近提示词。为 1 时忽略反向提示词。</translation>
    </message>
    <message>
        <source>{low:g}–{high:g}; higher follows the prompt more closely</source>
        <translation>{low:g}–{high:g}；越高越贴近提示词</translation>
    </message>
    <message>
        <source>Add a picture to redraw it; without one, text to image</source>
        <translation>添加一张图片进行垫图重绘；不添加则为文生图</translation>
    </message>
    <message>
        <source>Image to edit</source>
        <translation>待编辑图片</translation>
    </message>
    <message>
        <source>Source image (redraw)</source>
        <translation>原图（垫图重绘）</translation>
    </message>
    <message>
        <source>Draw from the reference pictures</source>
        <translation>根据参考图生成</translation>
    </message>
    <message>
        <source>{provider} · {mode}</source>
        <translation>{provider} · {mode}</translation>
    </message>
    <message>
        <source>Retired by its vendor on {date}; it works only on a server that still serves it.</source>
        <translation>厂商已于 {date} 下线；只能在仍提供它的服务器上使用。</translation>
    </message>
    <message>
        <source>The output has the input's size</source>
        <translation>输出尺寸与输入图片相同</translation>
    </message>
    <message>
        <source>Add a picture to edit it; without one, text to image</source>
        <translation>添加一张图片进行编辑；不添加则为文生图</translation>
    </message>
    <message>
        <source>This model edits: add the picture to change</source>
        <translation>此模型用于编辑：请添加要修改的图片</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>CFG scale</source>
        <translation>CFG 强度</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>张数</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>意图</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>返回格式</translation>
    </message>
    <message>
        <source>{size}, {steps} steps, CFG {cfg:g}</source>
        <translation>{size}，{steps} 步，CFG {cfg:g}</translation>
    </message>
    <message>
        <source>Text mode (render lettering precisely)</source>
        <translation>文字模式（精确渲染文字）</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Off: the server picks a new seed for every image</source>
        <translation>关闭时：服务器为每张图片选择新的种子</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>A new random seed, kept fixed</source>
        <translation>一个新的随机种子，并保持固定</translation>
    </message>
    <message>
        <source>Use the last returned seed</source>
        <translation>使用上次返回的种子</translation>
    </message>
    <message>
        <source>How many pictures to make; each one is billed</source>
        <translation>要生成的图片张数；每张都会计费</translation>
    </message>
    <message>
        <source>Smaller stays closer to the source; at 1 the source is ignored</source>
        <translation>越小越接近原图；为 1 时忽略原图</translation>
    </message>
    <message>
        <source>Reference pictures</source>
        <translation>参考图</translation>
    </message>
    <message>
        <source>Sent in this order; the prompt can name them (“the dress in picture 2”).</source>
        <translation>按此顺序发送；提示词中可以指明它们（如“图 2 中的裙子”）。</translation>
    </message>
    <message>
        <source>Style reference</source>
        <translation>风格参考</translation>
    </message>
    <message>
        <source>0–2; the guide advises {low:g}–{high:g}. Higher leaks the reference's content into the picture.</source>
        <translation>0–2；指南建议 {low:g}–{high:g}。过高会把参考图的内容带进画面。</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Image data in the answer (b64_json)</source>
        <translation>回复中直接包含图片数据（b64_json）</translation>
    </message>
    <message>
        <source>Download link (url)</source>
        <translation>下载链接（url）</translation>
    </message>
    <message>
        <source>Either way the picture is stored at once; a link would expire</source>
        <translation>两种方式都会立即保存图片；链接会过期</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>高质量</translation>
    </message>
    <message>
        <source>Random re-generation</source>
        <translation>随机再生成</translation>
    </message>
    <message>
        <source>Detail enhancement</source>
        <translation>细节增强</translation>
    </message>
    <message>
        <source>Small modification</source>
        <translation>小幅修改</translation>
    </message>
    <message>
        <source>Describe the original as closely as you can.</source>
        <translation>尽可能准确地描述原图。</translation>
    </message>
    <message>
        <source>Describe the original and add quality words, such as “finely detailed”.</source>
        <translation>描述原图并加上质量词，例如“细节精致”。</translation>
    </message>
    <message>
        <source>State the change clearly. This often goes wrong; for large changes use Image Edit (step-image-edit-2).</source>
        <translation>清楚地说明要改什么。这种方式经常失败；大幅修改请用图像编辑（step-image-edit-2）。</translation>
    </message>
</context>
<context>
    <name>PromptDiffDialog</name>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在撰写…</translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <source>Polish</source>
        <translation>润色</translation>
    </message>
    <message>
        <source>Translate 中 ↔ EN</source>
        <translation>翻译 中 ↔ EN</translation>
    </message>
    <message>
        <source>Describe the Picture Shown…</source>
        <translation>描述当前显示的图片…</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Polish or translate the prompt, or describe a picture, with a chat model</source>
        <translation>用对话模型润色或翻译提示词，或描述图片</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Earlier prompts (Ctrl+Up / Ctrl+Down steps through them)</source>
        <translation>以前的提示词（Ctrl+上 / Ctrl+下 逐条切换）</translation>
    </message>
    <message>
        <source>Describe the picture… (Ctrl+Enter generates, Ctrl+Up recalls earlier prompts)</source>
        <translation>描述画面…（Ctrl+Enter 生成，Ctrl+上 调出以前的提示词）</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <source>What the picture should not show (used when CFG scale is above 1)</source>
        <translation>画面中不应出现的内容（CFG 强度大于 1 时生效）</translation>
    </message>
    <message>
        <source>No earlier prompts yet</source>
        <translation>还没有以前的提示词</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清除历史</translation>
    </message>
    <message>
        <source>At CFG scale {cfg:g} the negative prompt has no effect: raise the CFG scale above 1 to use it.</source>
        <translation>CFG 强度为 {cfg:g} 时反向提示词不起作用：要使用它，请把 CFG 强度调到 1 以上。</translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
    <message>
        <source>{over} characters over the limit of {limit}</source>
        <translation>超出 {limit} 字的上限 {over} 字</translation>
    </message>
    <message>
        <source>{left} characters left</source>
        <translation>还可输入 {left} 字</translation>
    </message>
</context>
<context>
    <name>PromptLibrary</name>
    <message>
        <source>This is not an A1111 styles file: its first line must name the columns name, prompt and negative_prompt.</source>
        <translation>这不是 A1111 风格文件：第一行必须列出 name、prompt 和 negative_prompt 三列。</translation>
    </message>
    <message>
        <source>The wildcard __{name}__ has no list of that name (or its list is empty). Add it in the Prompt Library's Wildcards tab.</source>
        <translation>通配词 __{name}__ 没有同名列表（或列表为空）。请在提示词库的“通配词”标签页中添加。</translation>
    </message>
    <message>
        <source>This file is not a StepFun Studio prompt library export.</source>
        <translation>此文件不是 StepFun Studio 导出的提示词库。</translation>
    </message>
    <message>
        <source>{path} is not a regular file; it was not read.</source>
        <translation>{path} 不是普通文件；未读取。</translation>
    </message>
    <message>
        <source>{path} is larger than {mb} MB; it was not read.</source>
        <translation>{path} 超过 {mb} MB，未读取。</translation>
    </message>
    <message>
        <source>“{name}” cannot name a wildcard list.</source>
        <translation>“{name}”不能用作通配词列表的名称。</translation>
    </message>
    <message>
        <source>The saved styles in {path} cannot be read (not JSON). Fix or remove the file.</source>
        <translation>无法读取 {path} 中保存的风格模板（不是 JSON）。请修复或删除该文件。</translation>
    </message>
</context>
<context>
    <name>PromptLibraryView</name>
    <message>
        <source>Prompt Library</source>
        <translation>提示词库</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Styles</source>
        <translation>风格模板</translation>
    </message>
    <message>
        <source>Wildcards</source>
        <translation>通配词</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation>搜索提示词</translation>
    </message>
    <message>
        <source>Use as Prompt</source>
        <translation>用作提示词</translation>
    </message>
    <message>
        <source>No prompt matches.</source>
        <translation>没有匹配的提示词。</translation>
    </message>
    <message>
        <source>Prompts you generate with appear here, with their pictures.</source>
        <translation>你用来生成的提示词会连同其图片显示在这里。</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s), last used {when}</source>
        <translation>
            <numerusform>%n 张图片，最近使用于 {when}</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. cinematic still of {prompt}, film grain</source>
        <translation>例如：{prompt} 的电影剧照，胶片颗粒</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Prompt template:</source>
        <translation>提示词模板：</translation>
    </message>
    <message>
        <source>Negative prompt:</source>
        <translation>反向提示词：</translation>
    </message>
    <message>
        <source>{prompt} marks where your prompt goes; without it the style is added after.</source>
        <translation>{prompt} 标记提示词插入的位置；没有它时，风格模板会加在提示词之后。</translation>
    </message>
    <message>
        <source>Save Style</source>
        <translation>保存风格模板</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import A1111 styles.csv…</source>
        <translation>导入 A1111 styles.csv…</translation>
    </message>
    <message>
        <source>Apply to Prompt</source>
        <translation>应用到提示词</translation>
    </message>
    <message>
        <source>Give the style a name first.</source>
        <translation>请先给风格模板命名。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Import A1111 Styles</source>
        <translation>导入 A1111 风格模板</translation>
    </message>
    <message>
        <source>Styles (*.csv)</source>
        <translation>风格模板 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n style(s).</source>
        <translation>
            <numerusform>已导入 %n 个风格模板。</numerusform>
        </translation>
    </message>
    <message>
        <source>One choice per line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <source>Write __name__ in a prompt to pick one line of the list named “name”. With a fixed seed the same lines are picked again.</source>
        <translation>在提示词中写 __name__，即可从名为“name”的列表中选取一行。种子固定时会再次选中相同的行。</translation>
    </message>
    <message>
        <source>Choices:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Save List</source>
        <translation>保存列表</translation>
    </message>
    <message>
        <source>Export Prompt Library</source>
        <translation>导出提示词库</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>Import Prompt Library</source>
        <translation>导入提示词库</translation>
    </message>
    <message>
        <source>Imported {styles} styles and {lists} wildcard lists.</source>
        <translation>已导入 {styles} 个风格模板和 {lists} 个通配词列表。</translation>
    </message>
</context>
<context>
    <name>ProviderChooser</name>
    <message>
        <source>Enter the name of one model your server offers.</source>
        <translation>请输入你的服务器提供的一个模型名称。</translation>
    </message>
    <message>
        <source>“{name}” is a model of another provider.</source>
        <translation>“{name}”是其他服务商的模型。</translation>
    </message>
    <message>
        <source>Choose an image service</source>
        <translation>选择图像服务</translation>
    </message>
    <message>
        <source>Which image service do you want to use?</source>
        <translation>你想使用哪个图像服务？</translation>
    </message>
    <message>
        <source>Studio runs as a demo until you enter a key: pictures are drawn on this computer and nothing is billed. Choose the service you have a key for (or want to try); you can change it any time in Settings.</source>
        <translation>在你输入密钥之前，Studio 以演示模式运行：图片在本机绘制，不产生任何费用。请选择你已有密钥（或想试用）的服务；之后随时可以在“设置”中更改。</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>As the server names it, e.g. black-forest-labs/FLUX.1-dev</source>
        <translation>与服务器上的名称一致，例如 black-forest-labs/FLUX.1-dev</translation>
    </message>
    <message>
        <source>Optional now, e.g. http://127.0.0.1:8000/v1</source>
        <translation>现在可不填，例如 http://127.0.0.1:8000/v1</translation>
    </message>
    <message>
        <source>Enter a key…</source>
        <translation>输入密钥…</translation>
    </message>
    <message>
        <source>Try the demo first</source>
        <translation>先试用演示模式</translation>
    </message>
</context>
<context>
    <name>ProviderNames</name>
    <message>
        <source>StepFun</source>
        <translation>阶跃星辰</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Volcengine Ark (Seedream)</source>
        <translation>火山方舟（Seedream）</translation>
    </message>
    <message>
        <source>SiliconFlow</source>
        <translation>硅基流动</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI 兼容服务器</translation>
    </message>
</context>
<context>
    <name>ProviderPanel</name>
    <message>
        <source>{variable} is set, so requests go to {url} for this run.</source>
        <translation>已设置 {variable}，本次运行的请求将发往 {url}。</translation>
    </message>
    <message>
        <source>Enter your server's address, e.g. http://127.0.0.1:8000/v1</source>
        <translation>请输入你的服务器地址，例如 http://127.0.0.1:8000/v1</translation>
    </message>
    <message>
        <source>Requests go to {url}</source>
        <translation>请求发往 {url}</translation>
    </message>
    <message>
        <source>Asking {url}…</source>
        <translation>正在请求 {url}…</translation>
    </message>
    <message>
        <source>The test failed: {reason}</source>
        <translation>测试失败：{reason}</translation>
    </message>
    <message>
        <source>{provider} did not accept this key. Check the key above, and that it belongs to this server.</source>
        <translation>{provider} 不接受这个密钥。请检查上面的密钥，并确认它属于这个服务器。</translation>
    </message>
    <message>
        <source>The key works.</source>
        <translation>密钥可用。</translation>
    </message>
    <message>
        <source>The key works: the server offers {count} models.</source>
        <translation>密钥可用：服务器提供 {count} 个模型。</translation>
    </message>
    <message>
        <source>Balance: {amount} {currency}</source>
        <translation>余额：{amount} {currency}</translation>
    </message>
    <message>
        <source>The balance could not be read: {reason}</source>
        <translation>无法读取余额：{reason}</translation>
    </message>
    <message>
        <source>Get a key: &lt;a href="{url}"&gt;{url}&lt;/a&gt;</source>
        <translation>获取密钥：&lt;a href="{url}"&gt;{url}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Custom server</source>
        <translation>自定义服务器</translation>
    </message>
    <message>
        <source>Optional, e.g. a proxy: https://… (empty: the region's server)</source>
        <translation>可选，例如代理：https://…（留空则使用该区域的服务器）</translation>
    </message>
    <message>
        <source>Your server's address: https://…, or http:// on this computer</source>
        <translation>你的服务器地址：https://…，本机可用 http://</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Ask the server whether the key works (free: no picture is made)</source>
        <translation>向服务器确认密钥是否可用（免费：不会生成图片）</translation>
    </message>
    <message>
        <source>{provider} has no free way to check a key, so it is checked by the first picture you make (a wrong key is refused before anything is billed).</source>
        <translation>{provider} 没有免费验证密钥的方式，因此会在你生成第一张图片时验证（错误的密钥会在计费前被拒绝）。</translation>
    </message>
</context>
<context>
    <name>ProviderTexts</name>
    <message>
        <source>StepFun's own image API: step-1x-medium, step-2x-large and step-image-edit-2, with seed, steps, CFG and a redraw weight.</source>
        <translation>阶跃星辰自己的图像 API：step-1x-medium、step-2x-large 和 step-image-edit-2，支持种子、步数、CFG 和重绘权重。</translation>
    </message>
    <message>
        <source>OpenAI's gpt-image models: good at text in pictures and at edits with several images and a mask; no seed or steps. Paid per picture.</source>
        <translation>OpenAI 的 gpt-image 系列模型：擅长在图片中呈现文字，以及用多张图片和蒙版进行编辑；不支持种子和步数。按张计费。</translation>
    </message>
    <message>
        <source>Volcengine Ark or BytePlus ModelArk with ByteDance's Seedream: 2K to 4K pictures and up to 14 reference images. Paid per picture.</source>
        <translation>火山方舟或 BytePlus ModelArk 上的字节跳动 Seedream：2K 到 4K 图片，最多 14 张参考图。按张计费。</translation>
    </message>
    <message>
        <source>SiliconFlow: Kolors (free) and Qwen-Image, with seed, steps, guidance and a negative prompt.</source>
        <translation>硅基流动：Kolors（免费）和 Qwen-Image，支持种子、步数、引导系数和反向提示词。</translation>
    </message>
    <message>
        <source>Your own or your team's server that speaks OpenAI's image API (vLLM-Omni, SGLang, stable-diffusion.cpp, LocalAI). You tell Studio its models and what they take.</source>
        <translation>你自己或团队的、兼容 OpenAI 图像 API 的服务器（vLLM-Omni、SGLang、stable-diffusion.cpp、LocalAI）。需要你告诉 Studio 它有哪些模型、各支持哪些参数。</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>International</source>
        <translation>国际</translation>
    </message>
    <message>
        <source>Worldwide</source>
        <translation>全球</translation>
    </message>
    <message>
        <source>BytePlus (international)</source>
        <translation>BytePlus（国际）</translation>
    </message>
    <message>
        <source>image API retired on {date}, works with {provider}-compatible servers</source>
        <translation>图像 API 已于 {date} 下线，可用于兼容 {provider} 的服务器</translation>
    </message>
    <message>
        <source>image API retires on {date}; then only {provider}-compatible servers</source>
        <translation>图像 API 将于 {date} 下线；之后仅可用于兼容 {provider} 的服务器</translation>
    </message>
    <message>
        <source>{provider} retired its image API on {date}: its own server no longer makes pictures. Studio still speaks it, for {provider}-compatible servers (enter the address below) and for the built-in demo.</source>
        <translation>{provider} 已于 {date} 下线其图像 API：官方服务器不再生成图片。Studio 仍支持该接口，可用于兼容 {provider} 的服务器（在下方输入地址）和内置演示模式。</translation>
    </message>
    <message>
        <source>{provider} retires its image API on {date}. After that Studio still speaks it, for {provider}-compatible servers and for the built-in demo.</source>
        <translation>{provider} 将于 {date} 下线其图像 API。此后 Studio 仍支持该接口，可用于兼容 {provider} 的服务器和内置演示模式。</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>{provider} (retired)</source>
        <translation>{provider}（已下线）</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Interrupted, may have been billed</source>
        <translation>已中断，可能已计费</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n 张已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n 个生成中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 张失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n 个已取消</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted</source>
        <translation>
            <numerusform>%n 个已中断</numerusform>
        </translation>
    </message>
    <message>
        <source>{prompt} · {count} pictures</source>
        <translation>{prompt} · {count} 张图片</translation>
    </message>
    <message>
        <source>Picture {number} of {count}</source>
        <translation>第 {number} 张，共 {count} 张</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the selected jobs now (Delete)</source>
        <translation>立即停止所选任务（Delete）</translation>
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation>取消所选任务</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Send the selected failed, cancelled or interrupted jobs again (billed again)</source>
        <translation>重新发送所选的失败、已取消或已中断任务（会再次计费）</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <source>Remove done, failed and cancelled jobs from this list (pictures stay)</source>
        <translation>从列表中移除已完成、失败和已取消的任务（图片保留）</translation>
    </message>
    <message>
        <source>Show the picture</source>
        <translation>显示图片</translation>
    </message>
    <message>
        <source>Copy the error details</source>
        <translation>复制错误详情</translation>
    </message>
    <message>
        <source>Copy the prompt</source>
        <translation>复制提示词</translation>
    </message>
</context>
<context>
    <name>QuitGrace</name>
    <message>
        <source>Quitting StepFun Studio</source>
        <translation>正在退出 StepFun Studio</translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation>立即退出</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n picture(s) already on their way, to keep them (%1 s left).
Pictures not sent yet are sent at the next start.</source>
        <translation>
            <numerusform>正在等待已发出的 %n 张图片返回，以便保留（还剩 %1 秒）。
尚未发送的图片将在下次启动时发送。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferenceImage</name>
    <message>
        <source>it claims far more pixels than Studio opens; it may be a decompression bomb.</source>
        <translation>它声称的像素远超 Studio 能打开的数量；可能是解压炸弹。</translation>
    </message>
    <message>
        <source>the image</source>
        <translation>这张图片</translation>
    </message>
    <message>
        <source>“{name}” cannot be used: {reason}</source>
        <translation>无法使用“{name}”：{reason}</translation>
    </message>
    <message>
        <source>the file is damaged or truncated.</source>
        <translation>文件已损坏或不完整。</translation>
    </message>
    <message>
        <source>CMYK colours converted to RGB.</source>
        <translation>已将 CMYK 色彩转换为 RGB。</translation>
    </message>
    <message>
        <source>Palette colours converted to RGB.</source>
        <translation>已将调色板色彩转换为 RGB。</translation>
    </message>
    <message>
        <source>Grayscale image converted to RGB.</source>
        <translation>已将灰度图转换为 RGB。</translation>
    </message>
    <message>
        <source>Colours converted to RGB.</source>
        <translation>已将色彩转换为 RGB。</translation>
    </message>
    <message>
        <source>Saved as JPEG to stay within 10 MB.</source>
        <translation>已保存为 JPEG 以控制在 10 MB 以内。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>it is not a regular file.</source>
        <translation>它不是普通文件。</translation>
    </message>
    <message>
        <source>it is a folder, not a file.</source>
        <translation>它是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>it is a pipe (FIFO), not a file; save the picture first.</source>
        <translation>它是管道（FIFO），不是文件；请先保存图片。</translation>
    </message>
    <message>
        <source>it is a device, not a file.</source>
        <translation>它是设备，不是文件。</translation>
    </message>
    <message>
        <source>it is a socket, not a file.</source>
        <translation>它是套接字，不是文件。</translation>
    </message>
    <message>
        <source>it is a system file, not a picture.</source>
        <translation>它是系统文件，不是图片。</translation>
    </message>
    <message>
        <source>the file name is not valid.</source>
        <translation>文件名无效。</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason}).</source>
        <translation>无法读取文件（{reason}）。</translation>
    </message>
    <message>
        <source>Transparency kept as PNG.</source>
        <translation>透明度已保留为 PNG。</translation>
    </message>
    <message>
        <source>it is not an image, or not a format Studio reads.</source>
        <translation>它不是图片，或不是 Studio 能读取的格式。</translation>
    </message>
    <message>
        <source>it claims {width}×{height} pixels, more than the {limit} megapixels Studio opens (this is how decompression bombs look).</source>
        <translation>它声称有 {width}×{height} 像素，超过 Studio 能打开的 {limit} 百万像素（解压炸弹就是这样的）。</translation>
    </message>
    <message>
        <source>Animated image reduced to its first frame.</source>
        <translation>动图已只保留第一帧。</translation>
    </message>
    <message>
        <source>EXIF rotation applied.</source>
        <translation>已按 EXIF 信息旋转。</translation>
    </message>
    <message>
        <source>it is too large to open.</source>
        <translation>它太大，无法打开。</translation>
    </message>
    <message>
        <source>{bits}-bit image converted to 8-bit.</source>
        <translation>已将 {bits} 位图像转换为 8 位。</translation>
    </message>
    <message>
        <source>Scaled down to {width}×{height} to stay within 10 MB.</source>
        <translation>已缩小到 {width}×{height} 以控制在 10 MB 以内。</translation>
    </message>
    <message>
        <source>the file is {mb} MB; Studio opens at most {limit} MB.</source>
        <translation>文件有 {mb} MB；Studio 最多打开 {limit} MB。</translation>
    </message>
    <message>
        <source>it is only {width}×{height} pixels; at least {side} are needed.</source>
        <translation>它只有 {width}×{height} 像素；至少需要 {side}。</translation>
    </message>
    <message>
        <source>it is {width}×{height}; scaled to fit {side}×{side} its short side would be under {minimum} pixels.</source>
        <translation>它是 {width}×{height}；缩放到 {side}×{side} 以内后短边会小于 {minimum} 像素。</translation>
    </message>
    <message>
        <source>Scaled down from {w}×{h} to {w2}×{h2} (the limit is {side}×{side}).</source>
        <translation>已从 {w}×{h} 缩小到 {w2}×{h2}（上限为 {side}×{side}）。</translation>
    </message>
    <message>
        <source>Converted from {format} to PNG.</source>
        <translation>已从 {format} 转换为 PNG。</translation>
    </message>
    <message>
        <source>Compressed from {mb:.1f} MB to stay within 10 MB.</source>
        <translation>已从 {mb:.1f} MB 压缩以控制在 10 MB 以内。</translation>
    </message>
</context>
<context>
    <name>ReferenceSlot</name>
    <message>
        <source>Remove this image</source>
        <translation>移除这张图片</translation>
    </message>
    <message>
        <source>Click to choose an image, or drop or paste one here.</source>
        <translation>点击选择图片，或将图片拖放、粘贴到这里。</translation>
    </message>
    <message>
        <source>Style reference</source>
        <translation>风格参考</translation>
    </message>
    <message>
        <source>Source image</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Style reference: click, drop or paste an image</source>
        <translation>风格参考：点击、拖放或粘贴图片</translation>
    </message>
    <message>
        <source>Picture to edit: click, drop or paste an image</source>
        <translation>待编辑图片：点击、拖放或粘贴图片</translation>
    </message>
    <message>
        <source>Source image: click, drop or paste an image</source>
        <translation>原图：点击、拖放或粘贴图片</translation>
    </message>
    <message>
        <source>Preparing the image…</source>
        <translation>正在准备图片…</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images ({suffixes})</source>
        <translation>图片 ({suffixes})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>{width}×{height} {kind}, {kb} KB</source>
        <translation>{width}×{height} {kind}，{kb} KB</translation>
    </message>
    <message>
        <source>Release to use this image.</source>
        <translation>松开即可使用这张图片。</translation>
    </message>
    <message>
        <source>This is not an image; it cannot be used here.</source>
        <translation>这不是图片，不能在这里使用。</translation>
    </message>
    <message>
        <source>“{name}” is not a picture Studio can use.</source>
        <translation>“{name}”不是 Studio 能使用的图片。</translation>
    </message>
    <message>
        <source>That is not a picture or a link to one.</source>
        <translation>这不是图片，也不是图片链接。</translation>
    </message>
</context>
<context>
    <name>ReferenceStrip</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Choose pictures to add (or drop or paste them here)</source>
        <translation>选择要添加的图片（或拖放、粘贴到这里）</translation>
    </message>
    <message>
        <source>Move the chosen picture earlier</source>
        <translation>将所选图片前移</translation>
    </message>
    <message>
        <source>Move the chosen picture later</source>
        <translation>将所选图片后移</translation>
    </message>
    <message>
        <source>Remove the chosen picture</source>
        <translation>移除所选图片</translation>
    </message>
    <message>
        <source>Reference pictures</source>
        <translation>参考图</translation>
    </message>
    <message>
        <source>{limit} pictures at most: {left} left out.</source>
        <translation>最多 {limit} 张图片：已略去 {left} 张。</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <source>Choose reference pictures</source>
        <translation>选择参考图</translation>
    </message>
    <message>
        <source>Images ({suffixes})</source>
        <translation>图片 ({suffixes})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>{number}. {name}, {width}×{height}</source>
        <translation>{number}. {name}，{width}×{height}</translation>
    </message>
    <message>
        <source>Drop, paste or add up to {limit} pictures the model should draw from.</source>
        <translation>拖放、粘贴或添加最多 {limit} 张图片，供模型参考生成。</translation>
    </message>
    <message>
        <source>Preparing the pictures…</source>
        <translation>正在准备图片…</translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
    <message>
        <source>(+{n} preparing)</source>
        <translation>（+{n} 张准备中）</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file was damaged; it was moved to {path} and the defaults are used.</source>
        <translation>设置文件已损坏；它已被移到 {path}，现在使用默认设置。</translation>
    </message>
    <message>
        <source>The settings could not be saved to {path} ({reason}).</source>
        <translation>无法把设置保存到 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The settings file held a key or password ({name}); it was removed from the file. Enter the key in Settings to keep it in the system keyring.</source>
        <translation>设置文件中含有密钥或密码（{name}）；已从文件中删除。请在“设置”中输入密钥，把它保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>The settings file {path} is not a file.</source>
        <translation>设置文件 {path} 不是一个文件。</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read; defaults are used for this session.</source>
        <translation>无法读取设置文件 {path}；本次会话使用默认设置。</translation>
    </message>
    <message>
        <source>The settings were saved by a newer StepFun Studio (version {version}); what this version does not know is left as it is.</source>
        <translation>这些设置由更新版本的 StepFun Studio 保存（版本 {version}）；本版本不认识的部分保持原样。</translation>
    </message>
    <message>
        <source>The settings cannot be saved to {path}; they hold for this session only.</source>
        <translation>无法把设置保存到 {path}；它们仅在本次会话有效。</translation>
    </message>
    <message>
        <source>A setting was reset to its default: {reason}</source>
        <translation>一项设置已重置为默认值：{reason}</translation>
    </message>
    <message>
        <source>The settings file {path} is damaged and could not be moved aside ({reason}); defaults are used for this session.</source>
        <translation>设置文件 {path} 已损坏且无法移走（{reason}）；本次会话使用默认设置。</translation>
    </message>
    <message>
        <source>The setting {name} was not readable and was reset to its default.</source>
        <translation>设置项 {name} 无法读取，已重置为默认值。</translation>
    </message>
    <message>
        <source>Unknown provider “{value}”.</source>
        <translation>未知的服务商“{value}”。</translation>
    </message>
    <message>
        <source>Unknown region “{value}”.</source>
        <translation>未知的区域“{value}”。</translation>
    </message>
    <message>
        <source>The server address must not contain a key or a password.</source>
        <translation>服务器地址中不能包含密钥或密码。</translation>
    </message>
    <message>
        <source>Unknown account tier “{value}”.</source>
        <translation>未知的账户等级“{value}”。</translation>
    </message>
    <message>
        <source>Unknown language “{value}”.</source>
        <translation>未知的语言“{value}”。</translation>
    </message>
    <message>
        <source>Unknown theme “{value}”.</source>
        <translation>未知的主题“{value}”。</translation>
    </message>
    <message>
        <source>A model name is one word without spaces (it is “{name}”).</source>
        <translation>模型名称必须是一个不含空格的词（当前为“{name}”）。</translation>
    </message>
    <message>
        <source>“{name}” is already a model of another provider; use another name.</source>
        <translation>“{name}”已是其他服务商的模型；请换一个名称。</translation>
    </message>
    <message>
        <source>The model “{name}” is declared twice.</source>
        <translation>模型“{name}”被声明了两次。</translation>
    </message>
    <message>
        <source>Unknown field “{field}” for the model {name}.</source>
        <translation>模型 {name} 中有未知字段“{field}”。</translation>
    </message>
    <message>
        <source>Unknown model “{value}”.</source>
        <translation>未知的模型“{value}”。</translation>
    </message>
    <message>
        <source>{model} does not offer the size {size}.</source>
        <translation>{model} 不提供尺寸 {size}。</translation>
    </message>
    <message>
        <source>Steps must be {low:g}–{high:g}.</source>
        <translation>步数必须在 {low:g}–{high:g} 之间。</translation>
    </message>
    <message>
        <source>CFG scale must be {low:g}–{high:g}.</source>
        <translation>CFG 强度必须在 {low:g}–{high:g} 之间。</translation>
    </message>
    <message>
        <source>Unknown response format “{value}”.</source>
        <translation>未知的返回格式“{value}”。</translation>
    </message>
    <message>
        <source>{provider} has no models yet: add one in Settings ▸ Providers.</source>
        <translation>{provider} 还没有模型：请在“设置 ▸ 服务商”中添加。</translation>
    </message>
    <message>
        <source>“{size}” is not a size; write sizes as 1024x1024, one after another.</source>
        <translation>“{size}”不是有效尺寸；请按 1024x1024 的格式逐个填写尺寸。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Library folder</source>
        <translation>图库文件夹</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>{tier}: {concurrent} at once, {per_minute} per minute</source>
        <translation>{tier}：同时 {concurrent} 个，每分钟 {per_minute} 个</translation>
    </message>
    <message>
        <source>Your tier follows what you have topped up in total; see your StepFun account.</source>
        <translation>账户等级取决于累计充值金额；请查看你的阶跃星辰账户。</translation>
    </message>
    <message>
        <source>Account tier</source>
        <translation>账户等级</translation>
    </message>
    <message>
        <source>A key was not saved; see {provider}.</source>
        <translation>有一个密钥未保存；请查看 {provider}。</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Empty: the app's data folder</source>
        <translation>留空：使用应用的数据文件夹</translation>
    </message>
    <message>
        <source>A new library location applies at the next start.</source>
        <translation>新的图库位置将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Actual size (100%)</source>
        <translation>实际大小（100%）</translation>
    </message>
    <message>
        <source>Fit to the view</source>
        <translation>适应视图</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SizeAdvice</name>
    <message>
        <source>The source is {width} × {height}, another shape than this size; the picture may come back squeezed or cropped.</source>
        <translation>源图是 {width} × {height}，与这个尺寸的形状不同；生成的图片可能被压扁或裁切。</translation>
    </message>
    <message>
        <source>Use {width} × {height}</source>
        <translation>使用 {width} × {height}</translation>
    </message>
</context>
<context>
    <name>SpendView</name>
    <message>
        <source>Reading the library…</source>
        <translation>正在读取图库…</translation>
    </message>
    <message numerus="yes">
        <source>Total: {money} for %n picture(s)</source>
        <translation>
            <numerusform>合计：{money}，共 %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing spent yet.</source>
        <translation>尚无花费。</translation>
    </message>
    <message>
        <source>Costs are what the provider reported, else the model's list price. Currencies are never added together.</source>
        <translation>费用以服务商报告的金额为准，未报告时按模型标价计算。不同币种从不相加。</translation>
    </message>
    <message numerus="yes">
        <source>Not counted: %n picture(s) made with a model that has no known price.</source>
        <translation>
            <numerusform>未计入：%n 张图片所用的模型价格未知。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Includes {money} for %n prompt assistant call(s).</source>
        <translation>
            <numerusform>其中 {money} 用于 %n 次提示词助手调用。</numerusform>
        </translation>
    </message>
    <message>
        <source>{provider} prompt assistant</source>
        <translation>{provider} 提示词助手</translation>
    </message>
    <message>
        <source>Chat calls, not pictures</source>
        <translation>对话调用，不是图片</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>花费</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>By provider</source>
        <translation>按服务商</translation>
    </message>
    <message>
        <source>By collection</source>
        <translation>按合集</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片数</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>合集</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>Spool</name>
    <message>
        <source>Studio could not add the picture to the library ({error}); this is a bug in Studio, the details are in the log.</source>
        <translation>Studio 无法把图片加入图库（{error}）；这是 Studio 的程序缺陷，详细信息见日志。</translation>
    </message>
    <message>
        <source>The picture is kept in {folder} and will be added at the next start.</source>
        <translation>图片已暂存在 {folder}，下次启动时会加入图库。</translation>
    </message>
    <message>
        <source>The picture could not be kept either ({reason}): it is lost. Free some disk space before the next picture.</source>
        <translation>这张图片也无法保存（{reason}），已经丢失。请在生成下一张图片前腾出一些磁盘空间。</translation>
    </message>
    <message>
        <source>{count} picture(s) kept from the last session were added to the library.</source>
        <translation>上次会话保留下来的 {count} 张图片已加入图库。</translation>
    </message>
    <message>
        <source>{count} kept picture(s) could not be added yet ({reason}); they stay in {folder} and are tried again at the next start.</source>
        <translation>{count} 张暂存的图片暂时无法加入图库（{reason}）；它们保留在 {folder} 中，下次启动时会再次尝试。</translation>
    </message>
</context>
<context>
    <name>StatusReporter</name>
    <message>
        <source>{message} ({details})</source>
        <translation>{message}（{details}）</translation>
    </message>
    <message>
        <source>“{prompt}”: {error}</source>
        <translation>“{prompt}”：{error}</translation>
    </message>
    <message>
        <source>{running} running, {waiting} waiting</source>
        <translation>{running} 个生成中，{waiting} 个等待中</translation>
    </message>
    <message>
        <source>Queue idle</source>
        <translation>队列空闲</translation>
    </message>
    <message>
        <source>Demo: local stand-in server</source>
        <translation>演示：本地模拟服务器</translation>
    </message>
    <message>
        <source>Server: {host}</source>
        <translation>服务器：{host}</translation>
    </message>
</context>
<context>
    <name>Studio</name>
    <message>
        <source>Studio closed while this picture was waiting; try it again.</source>
        <translation>这张图片在等待时 Studio 被关闭；请重试。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>{model} cannot generate from text alone.</source>
        <translation>{model} 不能仅凭文字生成图片。</translation>
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation>请先写提示词。</translation>
    </message>
    <message>
        <source>Drop or choose a source image to redraw.</source>
        <translation>请拖入或选择一张原图来重绘。</translation>
    </message>
    <message>
        <source>Drop or choose the image to edit.</source>
        <translation>请拖入或选择要编辑的图片。</translation>
    </message>
    <message>
        <source>The image must be sent as PNG or JPEG.</source>
        <translation>图片必须以 PNG 或 JPEG 格式发送。</translation>
    </message>
    <message>
        <source>The source weight must be above 0 and at most 1 (smaller stays closer to the source; 1 ignores it).</source>
        <translation>原图权重必须大于 0 且不超过 1（越小越接近原图；为 1 时忽略原图）。</translation>
    </message>
    <message>
        <source>The style weight must be above 0 and at most 2.</source>
        <translation>风格权重必须大于 0 且不超过 2。</translation>
    </message>
    <message>
        <source>Unknown model “{model}”. Choose one of: {models}.</source>
        <translation>未知的模型“{model}”。请从以下选择：{models}。</translation>
    </message>
    <message>
        <source>Size {size} is not offered by {model}. Choose one of: {sizes}.</source>
        <translation>{model} 不提供尺寸 {size}。请从以下选择：{sizes}。</translation>
    </message>
    <message>
        <source>{model} cannot redraw from a source image with a weight.</source>
        <translation>{model} 不支持带权重的垫图重绘。</translation>
    </message>
    <message>
        <source>{model} cannot edit images.</source>
        <translation>{model} 不能编辑图片。</translation>
    </message>
    <message>
        <source>Use {models}.</source>
        <translation>请使用 {models}。</translation>
    </message>
    <message>
        <source>Size {size} does not suit {model} ({reason}). Choose one of: {sizes}, or a width×height that fits.</source>
        <translation>尺寸 {size} 不适用于 {model}（{reason}）。请从以下选择：{sizes}，或填写符合要求的宽×高。</translation>
    </message>
    <message>
        <source>Steps must be between {low} and {high} for {model}.</source>
        <translation>{model} 的步数必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>CFG scale must be between {low} and {high} for {model}.</source>
        <translation>{model} 的 CFG 强度必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The seed must be between 0 (random) and {high}.</source>
        <translation>种子必须在 0（随机）到 {high} 之间。</translation>
    </message>
    <message>
        <source>Ask for between 1 and {high} images.</source>
        <translation>图片张数必须在 1 到 {high} 之间。</translation>
    </message>
    <message>
        <source>{model} takes no reference images.</source>
        <translation>{model} 不支持参考图。</translation>
    </message>
    <message>
        <source>{model} takes at most {count} reference images; remove {over}.</source>
        <translation>{model} 最多支持 {count} 张参考图；请移除 {over} 张。</translation>
    </message>
    <message>
        <source>The mask must be a PNG.</source>
        <translation>蒙版必须是 PNG 图片。</translation>
    </message>
    <message>
        <source>The image is {mb:.1f} MB; the API takes at most 10 MB.</source>
        <translation>图片大小为 {mb:.1f} MB；API 最多接受 10 MB。</translation>
    </message>
    <message>
        <source>The image is {width}×{height}; at most {side}×{side} is allowed here.</source>
        <translation>图片尺寸为 {width}×{height}；这里最大允许 {side}×{side}。</translation>
    </message>
    <message>
        <source>The prompt has {count} characters; {model} takes at most {limit}. Shorten it by {over}.</source>
        <translation>提示词有 {count} 个字；{model} 最多接受 {limit} 个。请删减 {over} 个字。</translation>
    </message>
    <message>
        <source>{model} takes no negative prompt.</source>
        <translation>{model} 不支持反向提示词。</translation>
    </message>
    <message>
        <source>{model} takes {name} {values}, not “{value}”.</source>
        <translation>{model} 的{name}只能是 {values}，不能是“{value}”。</translation>
    </message>
    <message>
        <source>{model} takes no style reference with a weight here; a style reference works only on a model that has one, generating from text.</source>
        <translation>{model} 在这里不支持带权重的风格参考；风格参考仅适用于支持它的模型，且只能用于文生图。</translation>
    </message>
    <message>
        <source>{model} takes no mask; only an edit on a model with one.</source>
        <translation>{model} 不支持蒙版；只有支持蒙版的模型在编辑时才能使用。</translation>
    </message>
    <message>
        <source>The negative prompt has {count} characters; at most {limit} are allowed.</source>
        <translation>反向提示词有 {count} 个字；最多允许 {limit} 个。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation>取消全部任务(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Retry Failed Jobs</source>
        <translation>重试失败的任务(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;X/Y Grid…</source>
        <translation>X/Y 对比图(&amp;X)…</translation>
    </message>
    <message>
        <source>Prompt &amp;Library…</source>
        <translation>提示词库(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Describe Picture…</source>
        <translation>描述图片(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Caption Pictures for Search…</source>
        <translation>为搜索生成图片描述(&amp;C)…</translation>
    </message>
    <message>
        <source>Go to &amp;Prompt</source>
        <translation>转到提示词(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Search Library</source>
        <translation>搜索图库(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Check Library…</source>
        <translation>检查图库(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;pend…</source>
        <translation>花费(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Batch…</source>
        <translation>批量(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About StepFun Studio</source>
        <translation>关于 StepFun Studio(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>WindowDrops</name>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <source>Drop one image at a time here.</source>
        <translation>这里一次只能拖入一张图片。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) dropped.</source>
        <translation>
            <numerusform>已拖入 %n 张图片。</numerusform>
        </translation>
    </message>
    <message>
        <source>image #{id}</source>
        <translation>图片 #{id}</translation>
    </message>
    <message>
        <source>the pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>What should Studio do with “{name}”?</source>
        <translation>要如何处理“{name}”？</translation>
    </message>
    <message>
        <source>Parameters restored from the image.</source>
        <translation>已从图片恢复参数。</translation>
    </message>
</context>
<context>
    <name>XYGrid</name>
    <message>
        <source>The two axes vary the same thing; choose two different ones.</source>
        <translation>两条轴变化的是同一项；请选择两个不同的项。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>CFG scale</source>
        <translation>CFG 强度</translation>
    </message>
    <message>
        <source>Source weight</source>
        <translation>原图权重</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Prompt search/replace</source>
        <translation>提示词查找/替换</translation>
    </message>
    <message>
        <source>Give the {axis} axis its values, e.g. {example}.</source>
        <translation>请为 {axis} 轴填写取值，例如 {example}。</translation>
    </message>
    <message>
        <source>The {axis} axis has {count} values; at most {most} are allowed.</source>
        <translation>{axis} 轴有 {count} 个值；最多允许 {most} 个。</translation>
    </message>
    <message>
        <source>The {axis} axis repeats a value; each value once, please.</source>
        <translation>{axis} 轴有重复的值；每个值只能出现一次。</translation>
    </message>
    <message>
        <source>{count} pictures is more than a grid may make ({most}).</source>
        <translation>{count} 张图片超过了对比图的上限（{most} 张）。</translation>
    </message>
    <message>
        <source>Unknown model “{model}”.</source>
        <translation>未知的模型“{model}”。</translation>
    </message>
    <message>
        <source>{model} has no {axis} to vary.</source>
        <translation>{model} 没有可调整的 {axis}。</translation>
    </message>
    <message>
        <source>{model} is another provider's model; a grid compares models of one provider.</source>
        <translation>{model} 是其他服务商的模型；对比图只能比较同一服务商的模型。</translation>
    </message>
    <message>
        <source>“{name}” is not an axis. Use one of: {axes}.</source>
        <translation>“{name}”不是可用的轴。请从以下选择：{axes}。</translation>
    </message>
    <message>
        <source>Seed {value} is outside 0–{most}.</source>
        <translation>种子 {value} 超出 0–{most} 的范围。</translation>
    </message>
    <message>
        <source>“{word}” is not in the prompt, so there is nothing to replace.</source>
        <translation>提示词中没有“{word}”，无可替换。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number ({axis} axis).</source>
        <translation>“{value}”不是整数（{axis} 轴）。</translation>
    </message>
    <message>
        <source>“{value}” is not a number ({axis} axis).</source>
        <translation>“{value}”不是数字（{axis} 轴）。</translation>
    </message>
    <message>
        <source>X/Y grid {when}: {prompt}</source>
        <translation>X/Y 对比图 {when}：{prompt}</translation>
    </message>
</context>
<context>
    <name>XYGridDialog</name>
    <message>
        <source>X/Y Grid</source>
        <translation>X/Y 对比图</translation>
    </message>
    <message>
        <source>Make Grid</source>
        <translation>生成对比图</translation>
    </message>
    <message>
        <source>Model: {model}. Prompt: {prompt}</source>
        <translation>模型：{model}。提示词：{prompt}</translation>
    </message>
    <message>
        <source>Columns (X):</source>
        <translation>列（X）：</translation>
    </message>
    <message>
        <source>Rows (Y):</source>
        <translation>行（Y）：</translation>
    </message>
    <message>
        <source>Choose what the columns vary.</source>
        <translation>选择各列要变化的参数。</translation>
    </message>
    <message>
        <source>{count} pictures ({columns} × {rows}), estimated {cost}.</source>
        <translation>{count} 张图片（{columns} × {rows}），预计 {cost}。</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <source>Making the grid…</source>
        <translation>正在生成对比图…</translation>
    </message>
    <message>
        <source>No picture of the grid was made; see the queue.</source>
        <translation>对比图的图片一张也没有生成；请查看队列。</translation>
    </message>
    <message>
        <source>Drawing the grid picture…</source>
        <translation>正在绘制对比图…</translation>
    </message>
    <message>
        <source>The pictures are kept, but the grid picture failed: {error}</source>
        <translation>图片已保留，但对比图生成失败：{error}</translation>
    </message>
    <message>
        <source>Done: the grid and its pictures are in the collection “{name}”.</source>
        <translation>完成：对比图及其图片已放入合集“{name}”。</translation>
    </message>
</context>
<context>
    <name>_AxisRow</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>word in the prompt, replacement, …</source>
        <translation>提示词中的词, 替换词, …</translation>
    </message>
</context>
</TS>