<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <source>A desktop studio for StepFun&apos;s text-to-image API: prompts, redraws, style references, image edits and a local library.</source>
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
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>No API key is set. Enter your StepFun API key in Settings.</source>
        <translation>尚未设置 API 密钥。请在“设置”中输入你的阶跃星辰 API 密钥。</translation>
    </message>
    <message>
        <source>The connection broke before the answer arrived. Check your connection and try again; the image may have been billed.</source>
        <translation>回复到达前连接已中断。请检查网络后重试；这张图片可能已经计费。</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read. Try again; if it keeps happening, send the trace id to StepFun support.</source>
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
        <source>The picture&apos;s download link had already expired. Generate it again.</source>
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
        <source>The API key was not accepted. Check the key in Settings, and that the region matches it (a key from api.stepfun.com does not work on api.stepfun.ai).</source>
        <translation>API 密钥未被接受。请在“设置”中检查密钥，并确认区域与之匹配（api.stepfun.com 的密钥不能用于 api.stepfun.ai）。</translation>
    </message>
    <message>
        <source>Your StepFun balance is used up. Top it up on the StepFun platform.</source>
        <translation>阶跃星辰账户余额已用完。请在阶跃星辰开放平台充值。</translation>
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
        <source>The server&apos;s answer was cut off. Try again; the image may have been billed.</source>
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
        <source>Could not reach the server in time. Check your connection.</source>
        <translation>未能及时连上服务器。请检查网络连接。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong talking to the server: {error}</source>
        <translation>与服务器通信时出现意外问题：{error}</translation>
    </message>
    <message>
        <source>StepFun&apos;s server had trouble (HTTP {status}). Try again later; this image may already have been billed.</source>
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
        <source>The key comes from the STEPFUN_API_KEY environment variable and is used for this run. Unset the variable to use a key saved here.</source>
        <translation>密钥来自环境变量 STEPFUN_API_KEY，仅用于本次运行。取消该变量即可使用此处保存的密钥。</translation>
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
        <source>No key is set: pictures are drawn locally (demo mode).</source>
        <translation>未设置密钥：图片在本地绘制（演示模式）。</translation>
    </message>
    <message>
        <source>Set by STEPFUN_API_KEY for this run</source>
        <translation>本次运行由 STEPFUN_API_KEY 设置</translation>
    </message>
    <message>
        <source>Paste your StepFun API key</source>
        <translation>粘贴你的阶跃星辰 API 密钥</translation>
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
        <source>The key was removed.</source>
        <translation>密钥已删除。</translation>
    </message>
    <message>
        <source>Testing the key…</source>
        <translation>正在测试密钥…</translation>
    </message>
    <message>
        <source>The key works: {host} offers {count} models.</source>
        <translation>密钥可用：{host} 提供 {count} 个模型。</translation>
    </message>
    <message>
        <source>The test failed: {reason}</source>
        <translation>测试失败：{reason}</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>显示或隐藏密钥</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>删除密钥</translation>
    </message>
    <message>
        <source>Test key</source>
        <translation>测试密钥</translation>
    </message>
    <message>
        <source>Ask the server whether the key works (free)</source>
        <translation>询问服务器密钥是否可用（免费）</translation>
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
        <source>StepFun Studio cannot start</source>
        <translation>StepFun Studio 无法启动</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Generate pictures with StepFun&apos;s image API.</source>
        <translation>使用阶跃星辰图像 API 生成图片。</translation>
    </message>
    <message>
        <source>what to draw</source>
        <translation>要画什么</translation>
    </message>
    <message>
        <source>model (default step-1x-medium; step-image-edit-2 with --edit)</source>
        <translation>模型（默认 step-1x-medium；使用 --edit 时为 step-image-edit-2）</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT, e.g. 800x1280</source>
        <translation>宽x高，例如 800x1280</translation>
    </message>
    <message>
        <source>sampling steps (default: the model&apos;s)</source>
        <translation>采样步数（默认：模型的默认值）</translation>
    </message>
    <message>
        <source>CFG scale (default: the model&apos;s)</source>
        <translation>CFG 强度（默认：模型的默认值）</translation>
    </message>
    <message>
        <source>0 = random; N images use S, S+1, …</source>
        <translation>0 为随机；N 张图片依次使用 S、S+1、…</translation>
    </message>
    <message>
        <source>how many pictures</source>
        <translation>图片张数</translation>
    </message>
    <message>
        <source>redraw from this picture (image2image)</source>
        <translation>以这张图片垫图重绘（image2image）</translation>
    </message>
    <message>
        <source>0–1; small stays close</source>
        <translation>0–1；越小越接近原图</translation>
    </message>
    <message>
        <source>borrow the colours and style of this picture</source>
        <translation>借用这张图片的色彩和风格</translation>
    </message>
    <message>
        <source>style weight, 0–2</source>
        <translation>风格权重，0–2</translation>
    </message>
    <message>
        <source>edit this picture (Image Edit)</source>
        <translation>编辑这张图片（图像编辑）</translation>
    </message>
    <message>
        <source>what to avoid (Image Edit)</source>
        <translation>要避免的内容（图像编辑）</translation>
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
        <source>folder for the pictures</source>
        <translation>保存图片的文件夹</translation>
    </message>
    <message>
        <source>API host</source>
        <translation>API 主机</translation>
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
    <message>
        <source>No STEPFUN_API_KEY is set: using the local stand-in server at {url}. The pictures are drawn on this computer and nothing is billed.</source>
        <translation>未设置 STEPFUN_API_KEY：使用位于 {url} 的本地模拟服务器。图片在本机绘制，不会产生任何费用。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Image {number}: cannot write to {out}: {reason}</source>
        <translation>图片 {number}：无法写入 {out}：{reason}</translation>
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
    <message numerus="yes">
        <source>Added %n image(s) to “{name}”</source>
        <translation>
            <numerusform>已将 %n 张图片加入“{name}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n image(s) as favourite</source>
        <translation>
            <numerusform>已收藏 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n image(s) to the trash</source>
        <translation>
            <numerusform>已将 %n 张图片移到回收站</numerusform>
        </translation>
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
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; No API key is set, so pictures are drawn locally by a built-in stand-in server. They are test patterns, not StepFun images, and nothing is billed.</source>
        <translation>&lt;b&gt;演示模式。&lt;/b&gt;尚未设置 API 密钥，图片由内置的本地模拟服务器绘制。它们是测试图案，不是阶跃星辰生成的图片，也不会产生任何费用。</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>输入 API 密钥…</translation>
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
        <source>Seed returned</source>
        <translation>返回的种子</translation>
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
        <source>The image file could not be read: {reason}</source>
        <translation>无法读取图片文件：{reason}</translation>
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
        <source>Edit this image (step-image-edit-2)</source>
        <translation>编辑这张图片（step-image-edit-2）</translation>
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
        <source>Use it as the style reference (step-1x-medium).</source>
        <translation>用作风格参考（step-1x-medium）。</translation>
    </message>
    <message>
        <source>Switch to step-image-edit-2 and edit this image.</source>
        <translation>切换到 step-image-edit-2 并编辑这张图片。</translation>
    </message>
    <message>
        <source>Fill the prompt and settings from the image&apos;s metadata.</source>
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
        <source>Filter by tag, model, size and date</source>
        <translation>按标签、模型、尺寸和日期筛选</translation>
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
        <source>Any tag</source>
        <translation>任意标签</translation>
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
{model} · {width}×{height}</source>
        <translation>{prompt}
{model} · {width}×{height}</translation>
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
    <name>GenerateFooter</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Generate {n} images</source>
        <translation>生成 {n} 张图片</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation>生成（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>1 request; this model&apos;s price is not listed</source>
        <translation>1 次请求；此模型未公布价格</translation>
    </message>
    <message>
        <source>{n} requests; this model&apos;s price is not listed</source>
        <translation>{n} 次请求；此模型未公布价格</translation>
    </message>
    <message>
        <source>1 request, about ¥{total:.2f}</source>
        <translation>1 次请求，约 ¥{total:.2f}</translation>
    </message>
    <message>
        <source>{n} requests, about ¥{total:.2f}</source>
        <translation>{n} 次请求，约 ¥{total:.2f}</translation>
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
        <source>“{name}” is {mb} MB; Studio opens at most {limit} MB.</source>
        <translation>“{name}”有 {mb} MB；Studio 最多打开 {limit} MB。</translation>
    </message>
    <message>
        <source>“{name}” cannot be read: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
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
    <name>Jobs</name>
    <message>
        <source>Something unexpected went wrong: {reason}. The log has details.</source>
        <translation>出现意外问题：{reason}。详情见日志。</translation>
    </message>
    <message>
        <source>The app closed while this image was being made. It may have been made and billed; it was not sent again. Send it again yourself if you want it.</source>
        <translation>生成这张图片时应用被关闭。它可能已经生成并计费；应用没有重新发送。如需要，请自行重新发送。</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>A key you enter is kept in memory for this session only. To use a key every time without a keyring, set the STEPFUN_API_KEY environment variable.</source>
        <translation>你输入的密钥仅在本次会话中保存在内存里。如果没有钥匙串又想每次都使用密钥，请设置环境变量 STEPFUN_API_KEY。</translation>
    </message>
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
        <source>The key could not be removed from the system keyring.</source>
        <translation>无法从系统钥匙串中删除密钥。</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>The library was rebuilt from {count} image files.</source>
        <translation>已根据 {count} 个图片文件重建图库。</translation>
    </message>
    <message>
        <source>The library database could not be opened ({reason}). It was moved to {aside} and a new, empty one was started. Your images are still in {images}: use Rebuild Library to bring them back.</source>
        <translation>无法打开图库数据库（{reason}）。它已被移到 {aside}，并新建了一个空图库。你的图片仍在 {images} 中：使用“重建图库”即可找回。</translation>
    </message>
    <message>
        <source>The previous database was kept at {aside}.</source>
        <translation>原来的数据库保留在 {aside}。</translation>
    </message>
    <message>
        <source>The library at {path} was made by a newer version of StepFun Studio (schema {found}, this version knows {known}). Update the app to open it; the library was left untouched.</source>
        <translation>{path} 的图库由更新版本的 StepFun Studio 创建（结构版本 {found}，本版本只认识 {known}）。请更新应用后再打开；图库未作任何改动。</translation>
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
        <source>The picture is now the style reference.</source>
        <translation>这张图片现在是风格参考。</translation>
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
        <source>%n picture(s) are still waiting or being made. Quit anyway? Waiting ones are sent at the next start; ones being made now stop, may already be billed, and are marked interrupted.</source>
        <translation>
            <numerusform>还有 %n 张图片在等待或生成中。仍要退出吗？等待中的会在下次启动时发送；正在生成的会停止，可能已经计费，并标记为已中断。</numerusform>
        </translation>
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
        <source>Use the last returned seed ({seed})</source>
        <translation>使用上次返回的种子（{seed}）</translation>
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
        <source>{low:g}–{high:g} for this model; the guide advises {a}–{b}</source>
        <translation>此模型为 {low:g}–{high:g}；指南建议 {a}–{b}</translation>
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
        <source>Image Edit keeps the input&apos;s size</source>
        <translation>图像编辑保持输入图片的尺寸</translation>
    </message>
    <message>
        <source>Add an image to edit it; large changes and faces work well</source>
        <translation>添加一张图片来编辑它；适合大幅修改和保持人脸</translation>
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
        <source>Each image is a separate request, billed separately</source>
        <translation>每张图片都是一次单独的请求，单独计费</translation>
    </message>
    <message>
        <source>Smaller stays closer to the source; at 1 the source is ignored</source>
        <translation>越小越接近原图；为 1 时忽略原图</translation>
    </message>
    <message>
        <source>Style reference</source>
        <translation>风格参考</translation>
    </message>
    <message>
        <source>0–2; the guide advises {low:g}–{high:g}. Higher leaks the reference&apos;s content into the picture.</source>
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
    <name>PreviewOverlay</name>
    <message>
        <source>The original file is missing.</source>
        <translation>原始文件不见了。</translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
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
        <source>That is not an image, a file or a link to one.</source>
        <translation>这不是图片、文件或图片链接。</translation>
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
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>{variable} is set, so requests go to {url} for this run.</source>
        <translation>已设置 {variable}，本次运行的请求发送到 {url}。</translation>
    </message>
    <message>
        <source>Requests go to {url}</source>
        <translation>请求发送到 {url}</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>图库文件夹</translation>
    </message>
    <message>
        <source>The API key was not saved; see above.</source>
        <translation>API 密钥未保存；见上方说明。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
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
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>International</source>
        <translation>国际</translation>
    </message>
    <message>
        <source>Optional, e.g. a proxy: https://… (empty: the region&apos;s server)</source>
        <translation>可选，例如代理：https://…（留空：使用区域默认服务器）</translation>
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
        <source>Server and account</source>
        <translation>服务器与账户</translation>
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
        <source>Account tier</source>
        <translation>账户等级</translation>
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
        <translation>结果格式</translation>
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
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Empty: the app&apos;s data folder</source>
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
    <name>StatusReporter</name>
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
    <name>Validation</name>
    <message>
        <source>{model} cannot redraw from a source image. Use step-1x-medium or step-2x-large.</source>
        <translation>{model} 不能根据原图重绘。请使用 step-1x-medium 或 step-2x-large。</translation>
    </message>
    <message>
        <source>{model} cannot edit images. Use step-image-edit-2.</source>
        <translation>{model} 不能编辑图片。请使用 step-image-edit-2。</translation>
    </message>
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
        <source>A style reference works only with step-1x-medium, generating from text.</source>
        <translation>风格参考只适用于 step-1x-medium 的文生图。</translation>
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
        <source>{model} has no negative prompt; only step-image-edit-2 takes one.</source>
        <translation>{model} 不支持反向提示词；只有 step-image-edit-2 支持。</translation>
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
        <source>Go to &amp;Prompt</source>
        <translation>转到提示词(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Search Library</source>
        <translation>搜索图库(&amp;S)</translation>
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
    <message numerus="yes">
        <source>Imported %n image(s).</source>
        <translation>
            <numerusform>已导入 %n 张图片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already in the library.</source>
        <translation>
            <numerusform>%n 张已在图库中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be imported</source>
        <translation>
            <numerusform>%n 张无法导入</numerusform>
        </translation>
    </message>
</context>
</TS>
