<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Tidings</source>
        <translation>关于 Tidings</translation>
    </message>
    <message>
        <source>A fast, safe desktop client for POP3 mail and for inspecting authentication tokens.</source>
        <translation>一款快速、安全的桌面客户端，用于收取 POP3 邮件和检查身份验证令牌。</translation>
    </message>
</context>
<context>
    <name>AccountSettingsDialog</name>
    <message>
        <source>Account Settings</source>
        <translation>账户设置</translation>
    </message>
    <message>
        <source>A&amp;ccounts:</source>
        <translation>账户(&amp;C)：</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Every mail account; the selected one is edited on the right</source>
        <translation>所有邮件账户；在右侧编辑所选账户</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>移除账户</translation>
    </message>
    <message>
        <source>Account settings</source>
        <translation>账户设置</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>账户名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>电子邮件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>alice@example.org</source>
        <translation>alice@example.org</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <source>&amp;Find Settings</source>
        <translation>查找设置(&amp;F)</translation>
    </message>
    <message>
        <source>Find settings</source>
        <translation>查找设置</translation>
    </message>
    <message>
        <source>Looks for the POP3 server of the address&apos;s domain</source>
        <translation>查找该地址所在域的 POP3 服务器</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>您的姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>Alice Liddell</source>
        <translation>Alice Liddell</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>&amp;Use These Settings</source>
        <translation>使用这些设置(&amp;U)</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>使用这些设置</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>忽略(&amp;M)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Incoming Mail Server (POP3)</source>
        <translation>收件服务器（POP3）</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>pop.example.org</source>
        <translation>pop.example.org</translation>
    </message>
    <message>
        <source>Incoming server</source>
        <translation>收件服务器</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>安全性(&amp;C)：</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>alice</source>
        <translation>alice</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember in the &amp;keyring</source>
        <translation>在密钥环中记住密码(&amp;K)</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>在系统密钥环中记住密码</translation>
    </message>
    <message>
        <source>L&amp;ogin method:</source>
        <translation>登录方式(&amp;O)：</translation>
    </message>
    <message>
        <source>Login method</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Allow sending the password unencr&amp;ypted</source>
        <translation>允许以未加密方式发送密码(&amp;Y)</translation>
    </message>
    <message>
        <source>Allow sending the password unencrypted</source>
        <translation>允许以未加密方式发送密码</translation>
    </message>
    <message>
        <source>CA cer&amp;tificate:</source>
        <translation>CA 证书(&amp;T)：</translation>
    </message>
    <message>
        <source>The system&apos;s certificates</source>
        <translation>系统证书</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>A CA certificate in PEM, trusted for this account only; empty for the system&apos;s certificates</source>
        <translation>PEM 格式的 CA 证书，仅对此账户受信任；留空则使用系统证书</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>Trusted for this account only, besides the system&apos;s.</source>
        <translation>除系统证书外，仅对此账户受信任。</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connects, reads the capabilities and logs in with these settings; nothing is saved</source>
        <translation>使用这些设置连接服务器、读取其功能并登录；不会保存任何内容</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>&amp;Leave messages on the server</source>
        <translation>在服务器上保留邮件(&amp;L)</translation>
    </message>
    <message>
        <source>Leave messages on the server</source>
        <translation>在服务器上保留邮件</translation>
    </message>
    <message>
        <source>&amp;Delete them there after</source>
        <translation>在服务器上保留期满后删除(&amp;D)：</translation>
    </message>
    <message>
        <source>Delete them from the server after a number of days</source>
        <translation>在指定天数后从服务器删除邮件</translation>
    </message>
    <message>
        <source>Days after which messages are deleted from the server</source>
        <translation>邮件在服务器上保留多少天后删除</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Delete from the server &amp;what I delete here</source>
        <translation>在本地删除的邮件也从服务器删除(&amp;W)</translation>
    </message>
    <message>
        <source>Delete from the server what I delete here</source>
        <translation>在本地删除的邮件也从服务器删除</translation>
    </message>
    <message>
        <source>Only &amp;headers of messages larger than</source>
        <translation>大于此大小的邮件只下载邮件头(&amp;H)：</translation>
    </message>
    <message>
        <source>Only headers of large messages</source>
        <translation>大邮件只下载邮件头</translation>
    </message>
    <message>
        <source>Size limit in kilobytes</source>
        <translation>大小限制（KB）</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>The rest of such a message is downloaded when you open it.</source>
        <translation>打开这类邮件时再下载其余部分。</translation>
    </message>
    <message>
        <source>C&amp;heck for new mail every</source>
        <translation>自动检查新邮件，间隔(&amp;H)：</translation>
    </message>
    <message>
        <source>Check for new mail automatically</source>
        <translation>自动检查新邮件</translation>
    </message>
    <message>
        <source>Minutes between automatic checks</source>
        <translation>两次自动检查之间的分钟数</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
</context>
<context>
    <name>Client::Accounts</name>
    <message>
        <source>The system keyring did not store the password: %1</source>
        <translation>系统密钥环未能保存密码：%1</translation>
    </message>
    <message>
        <source>The system keyring could not be read: %1</source>
        <translation>无法读取系统密钥环：%1</translation>
    </message>
    <message>
        <source>Enter the incoming server&apos;s host name.</source>
        <translation>请输入收件服务器的主机名。</translation>
    </message>
    <message>
        <source>Enter the user name for the server.</source>
        <translation>请输入该服务器的用户名。</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>无法读取 CA 证书文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM certificate.</source>
        <translation>文件 %1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>A number of days, kilobytes or minutes is out of range.</source>
        <translation>天数、KB 数或分钟数超出范围。</translation>
    </message>
    <message>
        <source>There is no such account (it may have been removed meanwhile).</source>
        <translation>没有这个账户（可能已在此期间被移除）。</translation>
    </message>
</context>
<context>
    <name>Client::Composer</name>
    <message>
        <source>The message is no longer there.</source>
        <translation>该邮件已不存在。</translation>
    </message>
    <message>
        <source>The message cannot be read: %1</source>
        <translation>无法读取该邮件：%1</translation>
    </message>
    <message>
        <source>The draft is no longer there.</source>
        <translation>该草稿已不存在。</translation>
    </message>
    <message>
        <source>The message could not be put in the Outbox: %1</source>
        <translation>无法将邮件放入发件箱：%1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>无法保存草稿：%1</translation>
    </message>
    <message>
        <source>This message is no longer being written.</source>
        <translation>此邮件已不在撰写中。</translation>
    </message>
    <message>
        <source>This message is already being sent.</source>
        <translation>此邮件已在发送中。</translation>
    </message>
    <message>
        <source>Choose an account that can send mail (Account Settings: outgoing server).</source>
        <translation>请选择一个可以发送邮件的账户（账户设置：发件服务器）。</translation>
    </message>
    <message>
        <source>These addresses are not valid: %1</source>
        <translation>以下地址无效：%1</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>请至少添加一个收件人。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
</context>
<context>
    <name>Client::FolderListModel</name>
    <message>
        <source>Local Folders</source>
        <translation>本地文件夹</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>废件箱</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1，%n 封未读</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Client::MessageListModel</name>
    <message>
        <source>Flagged</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation>未加星标</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>有附件</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>无附件</translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation>未读：%1</translation>
    </message>
    <message>
        <source>cannot be shown: %1</source>
        <translation>无法显示：%1</translation>
    </message>
    <message>
        <source>headers only, the rest is on the server</source>
        <translation>仅有邮件头，其余部分仍在服务器上</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>星标</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
</context>
<context>
    <name>Client::ReplyDraft</name>
    <message>
        <source>Unknown sender</source>
        <translation>未知发件人</translation>
    </message>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 写道：</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>在 %1，%2 写道：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <source>-------- Forwarded Message --------</source>
        <translation>-------- 转发的邮件 --------</translation>
    </message>
    <message>
        <source>Forwarded message</source>
        <translation>转发的邮件</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>New Message</source>
        <translation>新邮件</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>发件人(&amp;F)：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Names or addresses, separated by commas</source>
        <translation>姓名或地址，以逗号分隔</translation>
    </message>
    <message>
        <source>Show Cc</source>
        <translation>显示抄送</translation>
    </message>
    <message>
        <source>Show Bcc</source>
        <translation>显示密送</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>抄送(&amp;C)：</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>密送(&amp;B)：</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <source>Hidden from the other recipients</source>
        <translation>其他收件人看不到</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S)：</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <source>Size warning</source>
        <translation>大小警告</translation>
    </message>
    <message>
        <source>Attach&amp;ments:</source>
        <translation>附件(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected attachments</source>
        <translation>移除所选附件</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Messa&amp;ge</source>
        <translation>邮件(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Enter)</source>
        <translation>发送邮件（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>Save the message in Drafts (Ctrl+S)</source>
        <translation>将邮件保存为草稿（Ctrl+S）</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>Show &amp;Cc</source>
        <translation>显示抄送(&amp;C)</translation>
    </message>
    <message>
        <source>Show &amp;Bcc</source>
        <translation>显示密送(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>粗体(&amp;B)</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>斜体(&amp;I)</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>下划线(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>S&amp;trikethrough</source>
        <translation>删除线(&amp;T)</translation>
    </message>
    <message>
        <source>Text &amp;Colour…</source>
        <translation>文字颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>Bull&amp;eted List</source>
        <translation>项目符号列表(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Numbered List</source>
        <translation>编号列表(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>引用(&amp;Q)</translation>
    </message>
    <message>
        <source>Lin&amp;k…</source>
        <translation>链接(&amp;K)…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Insert I&amp;mage…</source>
        <translation>插入图片(&amp;M)…</translation>
    </message>
    <message>
        <source>Clear &amp;Formatting</source>
        <translation>清除格式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Plain Text Only</source>
        <translation>仅纯文本(&amp;P)</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>纯文本</translation>
    </message>
</context>
<context>
    <name>Gui::AboutDialog</name>
    <message>
        <source>Free software under the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;.</source>
        <translation>本软件为自由软件，依据&lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU 通用公共许可证第 3 版或更高版本&lt;/a&gt;发布。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>使用 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
</context>
<context>
    <name>Gui::AccountSettingsDialog</name>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <source>Capabilities (CAPA)</source>
        <translation>读取功能（CAPA）</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>服务器的证书不受信任。</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>服务器已停止响应。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Could not connect to the server.</source>
        <translation>无法连接到服务器。</translation>
    </message>
    <message>
        <source>The server&apos;s answer made no sense.</source>
        <translation>无法理解服务器的响应。</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>服务器报告了错误。</translation>
    </message>
    <message>
        <source>Enter the password to test the login.</source>
        <translation>请输入密码以测试登录。</translation>
    </message>
    <message>
        <source>The test did not complete.</source>
        <translation>测试未完成。</translation>
    </message>
    <message>
        <source>TLS (POP3S, recommended)</source>
        <translation>TLS（POP3S，推荐）</translation>
    </message>
    <message>
        <source>STARTTLS (required)</source>
        <translation>STARTTLS（必需）</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>无（不加密）</translation>
    </message>
    <message>
        <source>Automatic (the safest the server offers)</source>
        <translation>自动（服务器提供的最安全方式）</translation>
    </message>
    <message>
        <source>Challenge-response (SASL)</source>
        <translation>质询-响应（SASL）</translation>
    </message>
    <message>
        <source>APOP</source>
        <translation>APOP</translation>
    </message>
    <message>
        <source>User name and password (USER/PASS)</source>
        <translation>用户名和密码（USER/PASS）</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新账户</translation>
    </message>
    <message>
        <source>Without encryption, anyone on the network path can read your mail, and your password if you allow it to be sent. Use this only for a server on this computer.</source>
        <translation>如果不加密，网络路径上的任何人都能读取您的邮件；如果您允许发送密码，还能读取您的密码。请仅对本机上的服务器使用此选项。</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>移除账户</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot;?</source>
        <translation>要移除账户“%1”吗？</translation>
    </message>
    <message>
        <source>Its settings and its password in the system keyring are removed when you press OK. Messages already downloaded stay on this computer.</source>
        <translation>按“确定”后，该账户的设置及其保存在系统密钥环中的密码将被移除。已下载的邮件仍保留在此计算机上。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>CA Certificate for This Account</source>
        <translation>此账户的 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter your e-mail address (like alice@example.org) first.</source>
        <translation>请先输入您的电子邮件地址（例如 alice@example.org）。</translation>
    </message>
    <message>
        <source>Stop &amp;Finding</source>
        <translation>停止查找(&amp;F)</translation>
    </message>
    <message>
        <source>Looking for the mail server of %1…</source>
        <translation>正在查找 %1 的邮件服务器…</translation>
    </message>
    <message>
        <source>&amp;Find Settings</source>
        <translation>查找设置(&amp;F)</translation>
    </message>
    <message>
        <source>Stopped looking for the server.</source>
        <translation>已停止查找服务器。</translation>
    </message>
    <message>
        <source>%1, port %2 (%3): %4</source>
        <translation>%1，端口 %2（%3）：%4</translation>
    </message>
    <message>
        <source>No POP3 server was found for this address. Enter the server&apos;s settings by hand (your provider&apos;s help pages name them).</source>
        <translation>未找到此地址的 POP3 服务器。请手动输入服务器设置（可在您的邮件服务商的帮助页面中找到）。</translation>
    </message>
    <message>
        <source>Found a POP3 server: %1, port %2, security %3.</source>
        <translation>找到 POP3 服务器：%1，端口 %2，安全性 %3。</translation>
    </message>
    <message>
        <source>It greets with: &quot;%1&quot;</source>
        <translation>服务器问候语：“%1”</translation>
    </message>
    <message>
        <source>Server software: %1</source>
        <translation>服务器软件：%1</translation>
    </message>
    <message>
        <source>Its certificate is valid for this name.</source>
        <translation>其证书对此名称有效。</translation>
    </message>
    <message>
        <source>Its certificate could not be verified: %1</source>
        <translation>无法验证其证书：%1</translation>
    </message>
    <message>
        <source>S&amp;top Test</source>
        <translation>停止测试(&amp;T)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Setting up encryption…</source>
        <translation>正在建立加密连接…</translation>
    </message>
    <message>
        <source>Reading the server&apos;s capabilities…</source>
        <translation>正在读取服务器功能…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>The connection works: encrypted, and the login succeeded.</source>
        <translation>连接正常：已加密，且登录成功。</translation>
    </message>
    <message>
        <source>The connection works and the login succeeded, but nothing is encrypted.</source>
        <translation>连接正常且登录成功，但未进行任何加密。</translation>
    </message>
    <message>
        <source>Login method: %1.</source>
        <translation>登录方式：%1。</translation>
    </message>
    <message>
        <source>The test was stopped.</source>
        <translation>测试已停止。</translation>
    </message>
    <message>
        <source>The %1 step failed. %2</source>
        <translation>“%1”步骤失败。%2</translation>
    </message>
    <message>
        <source>The server said: &quot;%1&quot;</source>
        <translation>服务器返回：“%1”</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Saving passwords in the system keyring…</source>
        <translation>正在将密码保存到系统密钥环…</translation>
    </message>
    <message>
        <source>Account Settings</source>
        <translation>账户设置</translation>
    </message>
    <message>
        <source>The accounts were saved, but not everything went well:</source>
        <translation>账户已保存，但出现了一些问题：</translation>
    </message>
    <message>
        <source>Choose the CA certificate of this server for the account, or trust this certificate.</source>
        <translation>请为此账户选择该服务器的 CA 证书，或信任此证书。</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>Gui::AddressField</name>
    <message>
        <source>Address suggestions</source>
        <translation>地址建议</translation>
    </message>
    <message>
        <source>Not a valid address: %1</source>
        <translation>无效的地址：%1</translation>
    </message>
</context>
<context>
    <name>Gui::AddressLabel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy Address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <source>Copy All Addresses</source>
        <translation>复制所有地址</translation>
    </message>
</context>
<context>
    <name>Gui::Application</name>
    <message>
        <source>Read POP3 mail and inspect authentication tokens.</source>
        <translation>收取 POP3 邮件并检查身份验证令牌。</translation>
    </message>
    <message>
        <source>Keep all settings and data under &lt;dir&gt; instead of the home folder.</source>
        <translation>将所有设置和数据保存在 &lt;目录&gt; 中，而不是主文件夹中。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>A mailto: link to write a message to; a running Tidings opens it.</source>
        <translation>用于撰写邮件的 mailto: 链接；如果 Tidings 已在运行，则由它打开。</translation>
    </message>
    <message>
        <source>Not a mailto: link: %1</source>
        <translation>不是 mailto: 链接：%1</translation>
    </message>
    <message>
        <source>Tidings is already running with this profile but does not answer. Close it, or end it if it hangs, and try again.</source>
        <translation>Tidings 已在使用此配置文件运行，但没有响应。请关闭它（如果它已卡死，请结束它），然后重试。</translation>
    </message>
</context>
<context>
    <name>Gui::AttachmentList</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>Gui::AttachmentPane</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Enter opens an attachment; drag one to a folder to copy it there</source>
        <translation>按 Enter 键打开附件；将附件拖到文件夹即可复制到该处</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>Opens a private copy with the system&apos;s application</source>
        <translation>用系统关联的应用程序打开一份私有副本</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Save &amp;All…</source>
        <translation>全部保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Save all attachments</source>
        <translation>保存所有附件</translation>
    </message>
    <message>
        <source>Saves every attachment into a folder, never replacing a file</source>
        <translation>将所有附件保存到一个文件夹中，绝不覆盖已有文件</translation>
    </message>
    <message>
        <source>Named “%1” by the sender</source>
        <translation>发件人所起的名称为“%1”</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>1 attachment, %1</source>
        <translation>1 个附件，%1</translation>
    </message>
    <message>
        <source>%1 attachments, %2</source>
        <translation>%1 个附件，%2</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>The attachment could not be saved: %1</source>
        <translation>无法保存附件：%1</translation>
    </message>
    <message>
        <source>Save All Attachments</source>
        <translation>保存所有附件</translation>
    </message>
    <message>
        <source>Saved 1 attachment to %1</source>
        <translation>已将 1 个附件保存到 %1</translation>
    </message>
    <message>
        <source>Saved %1 attachments to %2</source>
        <translation>已将 %1 个附件保存到 %2</translation>
    </message>
    <message>
        <source>Some attachments could not be saved:
%1</source>
        <translation>部分附件无法保存：
%1</translation>
    </message>
    <message>
        <source>Open Attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>The attachment could not be opened: %1</source>
        <translation>无法打开附件：%1</translation>
    </message>
    <message>
        <source>“%1” is a program or script. Opening it may run it, with your rights. Open it only if you trust the sender and expected it.

Open it anyway?</source>
        <translation>“%1”是程序或脚本。打开它可能会以您的权限运行它。只有在您信任发件人并且预料到会收到它时才打开。

仍要打开吗？</translation>
    </message>
</context>
<context>
    <name>Gui::CertificateDialog</name>
    <message>
        <source>%1, port %2</source>
        <translation>%1，端口 %2</translation>
    </message>
    <message>
        <source>Certificate Changed</source>
        <translation>证书已更改</translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation>不受信任的证书</translation>
    </message>
    <message>
        <source>The certificate of %1 has CHANGED since you trusted it.</source>
        <translation>%1 的证书在您信任之后已被更改！</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>%1 的证书不受信任。</translation>
    </message>
    <message>
        <source>This server showed a different certificate before. Servers change certificates when they renew them, but this is also exactly what you would see if someone were intercepting the connection to read your password and mail. Trust the new certificate only if your provider confirms the change, for example by publishing its fingerprint.</source>
        <translation>此服务器之前出示的是另一个证书。服务器续期证书时会更换证书，但如果有人正在拦截连接以读取您的密码和邮件，您看到的也正是这种情况。只有在您的邮件服务商确认了此次更换（例如公布了新证书的指纹）时，才信任新证书。</translation>
    </message>
    <message>
        <source>Tidings cannot confirm that it is really talking to this server. Trust the certificate only if you know it is the right one, for example by comparing its fingerprint with the one your provider publishes.</source>
        <translation>Tidings 无法确认与之通信的确实是此服务器。只有在您确知此证书无误时（例如已将其指纹与您的邮件服务商公布的指纹核对一致），才信任此证书。</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>The system accepts this certificate, but it is not the one you trusted for this server.</source>
        <translation>系统接受此证书，但它不是您为此服务器信任的那个证书。</translation>
    </message>
    <message>
        <source>Problems found:</source>
        <translation>发现的问题：</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>颁发给：</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>颁发给</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>颁发者：</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>%1 (not valid yet)</source>
        <translation>%1（尚未生效）</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1（已过期）</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>有效期自：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint trusted before</source>
        <translation>之前信任的 SHA-256 指纹</translation>
    </message>
    <message>
        <source>Trusted before (SHA-256):</source>
        <translation>之前信任的（SHA-256）：</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint shown now</source>
        <translation>现在出示的 SHA-256 指纹</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <source>Shown now (SHA-256):</source>
        <translation>现在出示的（SHA-256）：</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 指纹：</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>信任此证书(&amp;T)</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Gui::ComposeWindow</name>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>新邮件</translation>
    </message>
    <message>
        <source>Plain Text Only</source>
        <translation>仅纯文本</translation>
    </message>
    <message>
        <source>Switch to plain text? Bold, colours, lists, links and inline images will be lost; the words stay.</source>
        <translation>要切换为纯文本吗？粗体、颜色、列表、链接和内嵌图片都将丢失，文字会保留。</translation>
    </message>
    <message>
        <source>Switch to Plain Text</source>
        <translation>切换为纯文本</translation>
    </message>
    <message>
        <source>1 file, %1</source>
        <translation>1 个文件，%1</translation>
    </message>
    <message>
        <source>%1 files, %2</source>
        <translation>%1 个文件，%2</translation>
    </message>
    <message>
        <source>The attachments come to %1, more than %2: many mail servers refuse messages this large. Consider sharing the files by a link instead.</source>
        <translation>附件共 %1，超过 %2：许多邮件服务器会拒收这么大的邮件。请考虑改用链接分享这些文件。</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>These could not be attached (not a readable file): %1</source>
        <translation>以下文件无法添加为附件（不是可读取的文件）：%1</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>%1 is not an image that can be shown.</source>
        <translation>%1 不是可以显示的图片。</translation>
    </message>
    <message>
        <source>Plain text cannot show images.</source>
        <translation>纯文本无法显示图片。</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <source>image-%1.png</source>
        <translation>image-%1.png</translation>
    </message>
    <message>
        <source>Paste Image</source>
        <translation>粘贴图片</translation>
    </message>
    <message>
        <source>The image could not be saved.</source>
        <translation>无法保存图片。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <source>%1: %2 is not a valid address.</source>
        <translation>%1：%2 不是有效的地址。</translation>
    </message>
    <message>
        <source>%1: these are not valid addresses: %2.</source>
        <translation>%1：以下地址无效：%2。</translation>
    </message>
    <message>
        <source>Not Sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Not sent: no account can send mail yet. Set up its outgoing server in Account Settings.</source>
        <translation>未发送：目前还没有可以发送邮件的账户。请在“账户设置”中设置发件服务器。</translation>
    </message>
    <message>
        <source>Not sent: %1 is not a valid address.</source>
        <translation>未发送：%1 不是有效的地址。</translation>
    </message>
    <message>
        <source>Not sent: %1 are not valid addresses.</source>
        <translation>未发送：%1 不是有效的地址。</translation>
    </message>
    <message>
        <source>Write each one as name@example.org or as Name &lt;name@example.org&gt;, separated by commas.</source>
        <translation>每个地址请写成 name@example.org 或 姓名 &lt;name@example.org&gt; 的形式，多个地址以逗号分隔。</translation>
    </message>
    <message>
        <source>Not sent: add at least one recipient in To, Cc or Bcc.</source>
        <translation>未发送：请在“收件人”、“抄送”或“密送”中至少添加一个收件人。</translation>
    </message>
    <message>
        <source>No Attachment</source>
        <translation>没有附件</translation>
    </message>
    <message>
        <source>The message mentions an attachment, but nothing is attached.</source>
        <translation>邮件中提到了附件，但没有添加任何附件。</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Send Anyway</source>
        <translation>仍然发送(&amp;S)</translation>
    </message>
    <message>
        <source>Close Message</source>
        <translation>关闭邮件</translation>
    </message>
    <message>
        <source>Keep this message in Drafts?</source>
        <translation>要将此邮件保存为草稿吗？</translation>
    </message>
    <message>
        <source>&amp;Save Draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Gui::HeaderPane</name>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>Message headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation>（无日期）</translation>
    </message>
</context>
<context>
    <name>Gui::JwtInspector</name>
    <message>
        <source>the file is larger than 8 MB</source>
        <translation>文件大于 8 MB</translation>
    </message>
    <message>
        <source>Signature verified with the %1</source>
        <translation>已使用 %1 验证签名</translation>
    </message>
    <message>
        <source>Invalid signature</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <source>Signature not checked</source>
        <translation>未验证签名</translation>
    </message>
    <message>
        <source>Claims valid</source>
        <translation>声明有效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Claims rejected</source>
        <translation>声明被拒绝</translation>
    </message>
    <message>
        <source>Claims not checked</source>
        <translation>未检查声明</translation>
    </message>
    <message>
        <source>Cannot decode this token</source>
        <translation>无法解码此令牌</translation>
    </message>
    <message>
        <source>Enter the secret or public key below to verify the signature.</source>
        <translation>在下方输入共享密钥或公钥以验证签名。</translation>
    </message>
    <message>
        <source>Header parameter that is not registered</source>
        <translation>未注册的头部参数</translation>
    </message>
    <message>
        <source>Private claim (not registered)</source>
        <translation>私有声明（未注册）</translation>
    </message>
    <message>
        <source>Header parameter</source>
        <translation>头部参数</translation>
    </message>
    <message>
        <source>Payload claim</source>
        <translation>载荷声明</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>No key: the token is decoded but not verified.</source>
        <translation>无密钥：令牌已解码，但未验证。</translation>
    </message>
    <message>
        <source>%1 (kid %2)</source>
        <translation>%1（kid %2）</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>密钥：%1</translation>
    </message>
    <message>
        <source>Open Token</source>
        <translation>打开令牌</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Open Signing Key</source>
        <translation>打开签名密钥</translation>
    </message>
    <message>
        <source>Open Key</source>
        <translation>打开密钥</translation>
    </message>
    <message>
        <source>Keys and certificates (*.pem *.crt *.cer *.key *.pub *.json *.jwk *.jwks);;All files (*)</source>
        <translation>密钥和证书 (*.pem *.crt *.cer *.key *.pub *.json *.jwk *.jwks);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter a secret or a private key to sign with.</source>
        <translation>请输入用于签名的共享密钥或私钥。</translation>
    </message>
    <message>
        <source>Signed with %1.</source>
        <translation>已使用 %1 签名。</translation>
    </message>
    <message>
        <source>Tokens inspected before</source>
        <translation>之前检查过的令牌</translation>
    </message>
    <message>
        <source>History is off: tick &quot;Keep a history&quot; to keep tokens</source>
        <translation>历史记录已关闭：勾选“在本机保留已检查令牌的历史记录”即可保存令牌</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>清除历史记录</translation>
    </message>
    <message>
        <source>Cannot open the dropped file: %1</source>
        <translation>无法打开拖放的文件：%1</translation>
    </message>
    <message>
        <source>(%1 bytes that are not UTF-8 text)</source>
        <translation>（%1 字节，非 UTF-8 文本）</translation>
    </message>
    <message>
        <source>No matching key</source>
        <translation>没有匹配的密钥</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Selected claim</source>
        <translation>所选声明</translation>
    </message>
    <message>
        <source>%1 (local time)
%2</source>
        <translation>%1（本地时间）
%2</translation>
    </message>
</context>
<context>
    <name>Gui::LinkDialog</name>
    <message>
        <source>Insert Link</source>
        <translation>插入链接</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>链接地址</translation>
    </message>
    <message>
        <source>Link text</source>
        <translation>链接文字</translation>
    </message>
    <message>
        <source>The address itself</source>
        <translation>与链接地址相同</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Gui::LoginDialog</name>
    <message>
        <source>Log In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter the server, your user name and your password.</source>
        <translation>请输入服务器、用户名和密码。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>安全连接失败：%1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1

Issued to: %2
Issued by: %3
Valid: %4 to %5
SHA-256: %6</source>
        <translation>服务器的证书不受信任：%1

颁发给：%2
颁发者：%3
有效期：%4 至 %5
SHA-256：%6</translation>
    </message>
    <message>
        <source>Wrong user name or password. 1 attempt left.</source>
        <translation>用户名或密码错误。还剩 1 次尝试机会。</translation>
    </message>
    <message>
        <source>Wrong user name or password. %1 attempts left.</source>
        <translation>用户名或密码错误。还剩 %1 次尝试机会。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed attempts. The server closed the connection; try again later.</source>
        <translation>失败次数过多，服务器已关闭连接；请稍后重试。</translation>
    </message>
    <message>
        <source>This account is locked after repeated failures. Try again in %1 seconds.</source>
        <translation>由于多次登录失败，此账户已被锁定。请在 %1 秒后重试。</translation>
    </message>
    <message>
        <source>The server could not prove that it knows your account. It may be an impostor: your password was not revealed, and you are not logged in.</source>
        <translation>服务器无法证明它掌握您的账户信息，可能是冒充的服务器：您的密码未被泄露，您也尚未登录。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The server answered something unexpected: %1</source>
        <translation>服务器返回了意外的响应：%1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it. This happens when the server gets a new certificate, and also when someone intercepts the connection: trust the new one only if its administrator told you about it.

Trusted before (SHA-256): %1
Presented now (SHA-256): %2
Issued to: %3
Valid: %4 to %5</source>
        <translation>服务器的证书自您上次信任以来已更改。服务器换用新证书时会出现这种情况，有人拦截连接时也会如此：只有在管理员告知您换了证书时，才信任新证书。

之前信任的（SHA-256）：%1
现在出示的（SHA-256）：%2
颁发给：%3
有效期：%4 至 %5</translation>
    </message>
    <message>
        <source>Your saved session has ended. Log in with your password.</source>
        <translation>您保存的会话已结束。请使用密码登录。</translation>
    </message>
    <message>
        <source>This session was ended on the server (logged out elsewhere or by an administrator).</source>
        <translation>此会话已在服务器上结束（在别处注销，或被管理员结束）。</translation>
    </message>
    <message>
        <source>The server is busy. Try again in %1 seconds.</source>
        <translation>服务器繁忙，请在 %1 秒后重试。</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>服务器繁忙，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>No mail account yet</source>
        <translation>尚无邮件账户</translation>
    </message>
    <message>
        <source>Tell Tidings where your POP3 server is, and your messages will be listed here.</source>
        <translation>告诉 Tidings 您的 POP3 服务器地址，您的邮件将在此处列出。</translation>
    </message>
    <message>
        <source>Set Up Account…</source>
        <translation>设置账户…</translation>
    </message>
    <message>
        <source>No mail account configured</source>
        <translation>未配置邮件账户</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>尚无邮件</translation>
    </message>
    <message>
        <source>Account Settings…</source>
        <translation>账户设置…</translation>
    </message>
    <message>
        <source>Account: %1, port %2</source>
        <translation>账户：%1，端口 %2</translation>
    </message>
    <message>
        <source>JWT Inspector</source>
        <translation>JWT 检查器</translation>
    </message>
    <message>
        <source>Signed in as %1 · expires in %2</source>
        <translation>已以 %1 身份登录 · %2 后过期</translation>
    </message>
    <message>
        <source>Session Details</source>
        <translation>会话详情</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2, port %3%4.
The session token expires at %5; it is renewed automatically before then.</source>
        <translation>已以 %1 身份登录到 %2，端口 %3%4。
会话令牌将于 %5 过期；在此之前会自动续期。</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation>（TLS）</translation>
    </message>
    <message>
        <source>Open in JWT Inspector</source>
        <translation>在 JWT 检查器中打开</translation>
    </message>
    <message>
        <source>Your saved session has ended. Log in again with Account › Log In…</source>
        <translation>您保存的会话已结束。请通过“账户 › 登录…”重新登录。</translation>
    </message>
    <message>
        <source>Get Mail problem</source>
        <translation>收取邮件时出现的问题</translation>
    </message>
    <message>
        <source>Get Mail progress</source>
        <translation>收取邮件进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel Get Mail</source>
        <translation>取消收取邮件</translation>
    </message>
    <message>
        <source>Your account %1 is set up. Press Get Mail (F5) to download your messages.</source>
        <translation>您的账户 %1 已设置完成。按“收取邮件”（F5）即可下载您的邮件。</translation>
    </message>
    <message>
        <source>&amp;JWT Inspector</source>
        <translation>JWT 检查器(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Dock the JWT Inspector</source>
        <translation>停靠 JWT 检查器(&amp;D)</translation>
    </message>
    <message>
        <source>The local mail store cannot be opened: %1</source>
        <translation>无法打开本地邮件存储：%1</translation>
    </message>
    <message>
        <source>Getting mail for %1…</source>
        <translation>正在为 %1 收取邮件…</translation>
    </message>
    <message>
        <source>Getting mail for %1: %2 of %3 messages</source>
        <translation>正在为 %1 收取邮件：已收 %2 封，共 %3 封</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Getting mail for %1 was cancelled.</source>
        <translation>已取消为 %1 收取邮件。</translation>
    </message>
    <message>
        <source>Protocol Log</source>
        <translation>协议日志</translation>
    </message>
    <message>
        <source>%1: no new mail.</source>
        <translation>%1：没有新邮件。</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>清空废件箱</translation>
    </message>
    <message>
        <source>Delete every message in Trash for good? Accounts that delete on the server what is deleted here will delete them there at the next Get Mail.</source>
        <translation>要永久删除废件箱中的所有邮件吗？对于设置了“在本地删除的邮件也从服务器删除”的账户，下次收取邮件时也会从服务器上删除这些邮件。</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 个账户</translation>
    </message>
    <message>
        <source>%1: 1 new message.</source>
        <translation>%1：1 封新邮件。</translation>
    </message>
    <message>
        <source>%1: %2 new messages.</source>
        <translation>%1：%2 封新邮件。</translation>
    </message>
    <message>
        <source>1 message moved to Trash. Undo with %1.</source>
        <translation>已将 1 封邮件移到废件箱。按 %1 可撤销。</translation>
    </message>
    <message>
        <source>%1 messages moved to Trash. Undo with %2.</source>
        <translation>已将 %1 封邮件移到废件箱。按 %2 可撤销。</translation>
    </message>
    <message>
        <source>1 message restored.</source>
        <translation>已恢复 1 封邮件。</translation>
    </message>
    <message>
        <source>%1 messages restored.</source>
        <translation>已恢复 %1 封邮件。</translation>
    </message>
    <message>
        <source>1 message deleted for good.</source>
        <translation>已永久删除 1 封邮件。</translation>
    </message>
    <message>
        <source>%1 messages deleted for good.</source>
        <translation>已永久删除 %1 封邮件。</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Edit the message</source>
        <translation>编辑邮件</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translation>正在发送… %1%</translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation>邮件已发送。</translation>
    </message>
    <message>
        <source>Write Message</source>
        <translation>撰写邮件</translation>
    </message>
    <message>
        <source>To send mail, an account needs an outgoing server and an e-mail address. Open Account Settings?</source>
        <translation>要发送邮件，账户需要有发件服务器和电子邮件地址。要打开账户设置吗？</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>正在保存草稿…</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>The message was saved in Drafts.</source>
        <translation>邮件已保存为草稿。</translation>
    </message>
    <message>
        <source>Open Draft</source>
        <translation>打开草稿</translation>
    </message>
    <message>
        <source>Open a downloaded message first.</source>
        <translation>请先打开一封已下载的邮件。</translation>
    </message>
    <message>
        <source>Recover Drafts</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <source>Tidings stopped while a message was being written. Its draft was kept.</source>
        <translation>Tidings 上次在撰写邮件时停止运行，草稿已保留。</translation>
    </message>
    <message>
        <source>Tidings stopped while %1 messages were being written. Their drafts were kept.</source>
        <translation>Tidings 上次在撰写 %1 封邮件时停止运行，这些草稿已保留。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Later (keep them in Drafts)</source>
        <translation>稍后（保留在草稿中）(&amp;L)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>One message has not been sent yet. It stays in the Outbox and goes the next time Tidings starts.</source>
        <translation>有 1 封邮件尚未发送。它会留在发件箱中，下次启动 Tidings 时发送。</translation>
    </message>
    <message>
        <source>%1 messages have not been sent yet. They stay in the Outbox and go the next time Tidings starts.</source>
        <translation>有 %1 封邮件尚未发送。它们会留在发件箱中，下次启动 Tidings 时发送。</translation>
    </message>
    <message>
        <source>&amp;Quit Anyway</source>
        <translation>仍然退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Quit</source>
        <translation>不退出(&amp;D)</translation>
    </message>
    <message>
        <source>Sending problem</source>
        <translation>发送出错</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送状态</translation>
    </message>
    <message>
        <source>Sending in 1 second.</source>
        <translation>1 秒后发送。</translation>
    </message>
    <message>
        <source>Sending in %1 seconds.</source>
        <translation>%1 秒后发送。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Sending was cancelled; the message stays in the Outbox.</source>
        <translation>已取消发送；邮件仍留在发件箱中。</translation>
    </message>
    <message>
        <source>A message was not sent.</source>
        <translation>有一封邮件未能发送。</translation>
    </message>
    <message>
        <source>Show Outbox</source>
        <translation>显示发件箱</translation>
    </message>
    <message>
        <source>Sending was undone.</source>
        <translation>已撤销发送。</translation>
    </message>
    <message>
        <source>Too late to undo: the message is already on its way.</source>
        <translation>来不及撤销：邮件已经发出。</translation>
    </message>
</context>
<context>
    <name>Gui::MessageView</name>
    <message>
        <source>the file cannot be opened</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>邮件为空</translation>
    </message>
    <message>
        <source>the message cannot be read</source>
        <translation>无法读取邮件</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 项</translation>
    </message>
    <message>
        <source>This message is damaged or unusual; what could be read is shown. What was wrong:</source>
        <translation>此邮件已损坏或格式异常；下面显示能够读取的部分。出现的问题：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remote content blocked.&lt;/b&gt; This message would load 1 item from the Internet, which can tell the sender that and when you read it.</source>
        <translation>&lt;b&gt;已阻止远程内容。&lt;/b&gt;此邮件会从互联网加载 1 项内容，发件人可借此得知您是否以及何时阅读了此邮件。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remote content blocked.&lt;/b&gt; This message would load %1 items from the Internet, which can tell the sender that and when you read it.</source>
        <translation>&lt;b&gt;已阻止远程内容。&lt;/b&gt;此邮件会从互联网加载 %1 项内容，发件人可借此得知您是否以及何时阅读了此邮件。</translation>
    </message>
    <message>
        <source>Always for This Sender</source>
        <translation>始终允许此发件人</translation>
    </message>
    <message>
        <source>Always for %1</source>
        <translation>始终允许 %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <source>This link is not opened: %1</source>
        <translation>不会打开此链接：%1</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Print Message</source>
        <translation>打印邮件</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>无法将 PDF 写入 %1。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>邮件内容</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <source>Links open in your web browser when activated; remote content is blocked</source>
        <translation>激活链接时将在您的网页浏览器中打开；远程内容已被阻止</translation>
    </message>
    <message>
        <source>Problems with this message</source>
        <translation>此邮件存在的问题</translation>
    </message>
    <message>
        <source>Remote content blocked</source>
        <translation>已阻止远程内容</translation>
    </message>
    <message>
        <source>Load Remote Content</source>
        <translation>加载远程内容</translation>
    </message>
    <message>
        <source>Load remote content</source>
        <translation>加载远程内容</translation>
    </message>
    <message>
        <source>Loads the images and styles this message links to, once or always for its sender</source>
        <translation>加载此邮件链接的图片和样式，可以仅此一次，也可以对该发件人始终允许</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>仅此一次</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Show the HTML body</source>
        <translation>显示 HTML 正文</translation>
    </message>
    <message>
        <source>Show the formatted (HTML) version; remote content stays blocked</source>
        <translation>显示带格式的（HTML）版本；远程内容仍被阻止</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Show the plain text body</source>
        <translation>显示纯文本正文</translation>
    </message>
    <message>
        <source>Show the plain text version</source>
        <translation>显示纯文本版本</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>More message actions</source>
        <translation>更多邮件操作</translation>
    </message>
    <message>
        <source>View Source, Print, Export as PDF</source>
        <translation>查看源代码、打印、导出为 PDF</translation>
    </message>
    <message>
        <source>View &amp;Source</source>
        <translation>查看源代码(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>导出为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>链接地址</translation>
    </message>
    <message>
        <source>Only the headers of this message have been downloaded. Its body (%1) is still on the server.</source>
        <translation>此邮件只下载了邮件头，其正文（%1）仍在服务器上。</translation>
    </message>
    <message>
        <source>Message not downloaded</source>
        <translation>邮件未下载</translation>
    </message>
    <message>
        <source>&amp;Download Message</source>
        <translation>下载邮件(&amp;D)</translation>
    </message>
    <message>
        <source>Download message</source>
        <translation>下载邮件</translation>
    </message>
    <message>
        <source>Downloads the whole message from the server</source>
        <translation>从服务器下载完整邮件</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>No message selected</source>
        <translation>未选择邮件</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>This message cannot be shown: %1</source>
        <translation>无法显示此邮件：%1</translation>
    </message>
    <message>
        <source>This message is very long: only its beginning is shown. Save its attachments or use View Source for the rest.</source>
        <translation>此邮件很长，仅显示开头部分。其余内容请保存附件或使用“查看源代码”查看。</translation>
    </message>
</context>
<context>
    <name>Gui::NewMailNotifier</name>
    <message>
        <source>Tidings: no unread messages</source>
        <translation>Tidings：没有未读邮件</translation>
    </message>
    <message>
        <source>Tidings: 1 unread message</source>
        <translation>Tidings：1 封未读邮件</translation>
    </message>
    <message>
        <source>Tidings: %1 unread messages</source>
        <translation>Tidings：%1 封未读邮件</translation>
    </message>
    <message>
        <source>1 new message</source>
        <translation>1 封新邮件</translation>
    </message>
    <message>
        <source>%1 new messages</source>
        <translation>%1 封新邮件</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>还有 %1 封</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>&amp;Show Tidings</source>
        <translation>显示 Tidings(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Gui::PasswordPrompt</name>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>账户：%1</translation>
    </message>
    <message>
        <source>Account: %1 (%2)</source>
        <translation>账户：%1（%2）</translation>
    </message>
    <message>
        <source>The server refused the password.</source>
        <translation>服务器拒绝了密码。</translation>
    </message>
    <message>
        <source>The server refused the password: %1</source>
        <translation>服务器拒绝了密码：%1</translation>
    </message>
    <message>
        <source>No password is stored for this account.</source>
        <translation>此账户未保存密码。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember in the keyring</source>
        <translation>在密钥环中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>在系统密钥环中记住密码</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Gui::PreferencesDialog</name>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>Gui::ProtocolLogWindow</name>
    <message>
        <source>Protocol Log</source>
        <translation>协议日志</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>C&amp;opy All</source>
        <translation>全部复制(&amp;O)</translation>
    </message>
    <message>
        <source>Copy the whole log</source>
        <translation>复制整个日志</translation>
    </message>
    <message>
        <source>C&amp;lear View</source>
        <translation>清除视图(&amp;L)</translation>
    </message>
    <message>
        <source>Clear the view</source>
        <translation>清除视图</translation>
    </message>
    <message>
        <source>Empties this view; the recorded log is kept.</source>
        <translation>清空此视图；已记录的日志会保留。</translation>
    </message>
    <message>
        <source>Protocol log</source>
        <translation>协议日志</translation>
    </message>
    <message>
        <source>What Tidings and the server said to each other; passwords are never recorded.</source>
        <translation>Tidings 与服务器之间的往来对话；从不记录密码。</translation>
    </message>
    <message>
        <source>Nothing recorded for this account yet. The log fills while Get Mail runs.</source>
        <translation>此账户尚无任何记录。收取邮件时会写入日志。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Gui::SendError</name>
    <message>
        <source>Cannot connect to the outgoing server, or the connection broke.</source>
        <translation>无法连接到发件服务器，或连接已中断。</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s certificate is not trusted.</source>
        <translation>发件服务器的证书不受信任。</translation>
    </message>
    <message>
        <source>The outgoing server does not offer encryption (STARTTLS), so nothing was sent.</source>
        <translation>发件服务器不提供加密（STARTTLS），因此未发送任何内容。</translation>
    </message>
    <message>
        <source>The outgoing server refused the user name or password.</source>
        <translation>发件服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>The outgoing server offers no login method that keeps the password safe here.</source>
        <translation>发件服务器未提供能在此连接上保证密码安全的登录方式。</translation>
    </message>
    <message>
        <source>The outgoing server stopped answering.</source>
        <translation>发件服务器已停止响应。</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>发送已取消。</translation>
    </message>
    <message>
        <source>The outgoing server refused the sender address.</source>
        <translation>发件服务器拒绝了发件人地址。</translation>
    </message>
    <message>
        <source>The outgoing server refused some recipients, so the message was not sent.</source>
        <translation>发件服务器拒绝了部分收件人，因此邮件未发送。</translation>
    </message>
    <message>
        <source>The outgoing server refused the message.</source>
        <translation>发件服务器拒收了此邮件。</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s answer could not be understood.</source>
        <translation>无法理解发件服务器的响应。</translation>
    </message>
    <message>
        <source>The message cannot be read, or it has no sender or recipient.</source>
        <translation>无法读取此邮件，或邮件没有发件人或收件人。</translation>
    </message>
    <message>
        <source>No password was given for the outgoing server.</source>
        <translation>未提供发件服务器的密码。</translation>
    </message>
    <message>
        <source>The local mail store could not be written.</source>
        <translation>无法写入本地邮件存储。</translation>
    </message>
    <message>
        <source>Tidings stopped while the message was being sent; it may have gone. Retry sends it again.</source>
        <translation>Tidings 在发送此邮件时停止运行，邮件可能已经发出。“重试”会再次发送它。</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation>服务器返回：“%1”</translation>
    </message>
    <message>
        <source>The outgoing server refused a recipient, so the message was not sent.</source>
        <translation>发件服务器拒绝了一个收件人，因此邮件未发送。</translation>
    </message>
</context>
<context>
    <name>Gui::SendingSettingsTab</name>
    <message>
        <source>Outgoing Mail Server (SMTP)</source>
        <translation>发件服务器（SMTP）</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>服务器(&amp;V)：</translation>
    </message>
    <message>
        <source>Outgoing server</source>
        <translation>发件服务器</translation>
    </message>
    <message>
        <source>Leave empty if this account does not send mail</source>
        <translation>如果此账户不发送邮件，请留空</translation>
    </message>
    <message>
        <source>TLS (SMTPS)</source>
        <translation>TLS（SMTPS）</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (unencrypted)</source>
        <translation>无（不加密）</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>安全性(&amp;Y)：</translation>
    </message>
    <message>
        <source>Outgoing security</source>
        <translation>发件安全性</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>端口(&amp;R)：</translation>
    </message>
    <message>
        <source>Outgoing port</source>
        <translation>发件端口</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>用户名(&amp;M)：</translation>
    </message>
    <message>
        <source>The same as for incoming mail</source>
        <translation>与收件服务器相同</translation>
    </message>
    <message>
        <source>Outgoing user name</source>
        <translation>发件用户名</translation>
    </message>
    <message>
        <source>The outgoing server has its own pass&amp;word</source>
        <translation>发件服务器使用单独的密码(&amp;W)</translation>
    </message>
    <message>
        <source>The outgoing server has its own password</source>
        <translation>发件服务器使用单独的密码</translation>
    </message>
    <message>
        <source>Passwor&amp;d:</source>
        <translation>密码(&amp;D)：</translation>
    </message>
    <message>
        <source>Outgoing password</source>
        <translation>发件密码</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file</source>
        <translation>保存在系统密钥环中，从不写入设置文件</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>撰写</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>签名(&amp;G)：</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Signature is &amp;HTML</source>
        <translation>签名为 HTML(&amp;H)</translation>
    </message>
    <message>
        <source>Signature is HTML</source>
        <translation>签名为 HTML</translation>
    </message>
    <message>
        <source>Spelling &amp;language:</source>
        <translation>拼写检查语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Spelling language</source>
        <translation>拼写检查语言</translation>
    </message>
    <message>
        <source>As the interface</source>
        <translation>与界面相同</translation>
    </message>
</context>
<context>
    <name>Gui::SourceDialog</name>
    <message>
        <source>Source of “%1”</source>
        <translation>“%1”的源代码</translation>
    </message>
    <message>
        <source>Message source</source>
        <translation>邮件源代码</translation>
    </message>
    <message>
        <source>The message exactly as it was received, read-only</source>
        <translation>与收到时完全一致的邮件原文，只读</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 are shown.</source>
        <translation>仅显示前 %1（共 %2）。</translation>
    </message>
    <message>
        <source>The message file cannot be read: %1</source>
        <translation>无法读取邮件文件：%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Gui::SpellHighlighter</name>
    <message>
        <source>No Suggestions</source>
        <translation>无拼写建议</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>添加到词典</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>Gui::SyncError</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation>服务器返回：“%1”</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>服务器的证书不受信任。</translation>
    </message>
    <message>
        <source>The server cannot list message IDs (UIDL), so mail cannot be downloaded safely.</source>
        <translation>服务器无法列出邮件 ID（UIDL），因此无法安全地下载邮件。</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>服务器已停止响应。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>There is not enough disk space for the new mail.</source>
        <translation>磁盘空间不足，无法保存新邮件。</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood.</source>
        <translation>无法理解服务器的响应。</translation>
    </message>
    <message>
        <source>Cannot connect to the server, or the connection broke.</source>
        <translation>无法连接到服务器，或连接已中断。</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>服务器报告了错误。</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>未提供密码。</translation>
    </message>
    <message>
        <source>The local mail store could not be written.</source>
        <translation>无法写入本地邮件存储。</translation>
    </message>
</context>
<context>
    <name>Gui::TextFormatter</name>
    <message>
        <source>Text Colour</source>
        <translation>文字颜色</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>a shared secret</source>
        <translation>HMAC 共享密钥</translation>
    </message>
    <message>
        <source>an RSA key</source>
        <translation>RSA 密钥</translation>
    </message>
    <message>
        <source>an EC key</source>
        <translation>EC 密钥</translation>
    </message>
    <message>
        <source>an Ed25519 key</source>
        <translation>Ed25519 密钥</translation>
    </message>
    <message>
        <source>%1 needs %2, but the key is %3</source>
        <translation>%1 需要 %2，但该密钥是 %3</translation>
    </message>
    <message>
        <source>; using a public key as an HMAC secret would let anyone forge tokens</source>
        <translation>；将公钥用作 HMAC 密钥会让任何人都能伪造令牌</translation>
    </message>
    <message>
        <source>%1 needs a key on curve %2, but the key is on %3</source>
        <translation>%1 需要曲线 %2 上的密钥，但该密钥位于曲线 %3 上</translation>
    </message>
    <message>
        <source>the JWK says &quot;alg&quot;: &quot;%1&quot;, but the token uses %2</source>
        <translation>JWK 指定了 &quot;alg&quot;: &quot;%1&quot;，但令牌使用的是 %2</translation>
    </message>
    <message>
        <source>the JWK says &quot;use&quot;: &quot;%1&quot;, not &quot;sig&quot;</source>
        <translation>JWK 指定的是 &quot;use&quot;: &quot;%1&quot;，而不是 &quot;sig&quot;</translation>
    </message>
    <message>
        <source>the payload is not base64url-encoded (&quot;b64&quot;: false, RFC 7797); such tokens are not supported</source>
        <translation>载荷未经 base64url 编码（&quot;b64&quot;: false，RFC 7797）；不支持此类令牌</translation>
    </message>
    <message>
        <source>&quot;crit&quot; must be a non-empty list of names</source>
        <translation>&quot;crit&quot; 必须是非空的名称列表</translation>
    </message>
    <message>
        <source>the token requires the extension(s) %1, which Tidings does not understand (RFC 7515 §4.1.11)</source>
        <translation>令牌要求支持扩展 %1，但 Tidings 无法识别（RFC 7515 §4.1.11）</translation>
    </message>
    <message>
        <source>&quot;alg&quot;: &quot;%1&quot; means the token is not signed; it is never accepted as verified</source>
        <translation>&quot;alg&quot;: &quot;%1&quot; 表示令牌未签名；此类令牌永远不会被视为已验证</translation>
    </message>
    <message>
        <source>the algorithm &quot;%1&quot; is not supported</source>
        <translation>不支持算法 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the header has no &quot;alg&quot;</source>
        <translation>头部中没有 &quot;alg&quot;</translation>
    </message>
    <message>
        <source>not verified: %1</source>
        <translation>未验证：%1</translation>
    </message>
    <message>
        <source>the HMAC secret has %1 bytes; %2 needs at least %3 (RFC 7518 §3.2)</source>
        <translation>HMAC 密钥只有 %1 字节；%2 至少需要 %3 字节（RFC 7518 §3.2）</translation>
    </message>
    <message>
        <source>the RSA key has only %1 bits; 2048 is the minimum (RFC 7518 §3.3)</source>
        <translation>RSA 密钥只有 %1 位；最少需要 2048 位（RFC 7518 §3.3）</translation>
    </message>
    <message>
        <source>the signature does not match the %1</source>
        <translation>签名与 %1 不匹配</translation>
    </message>
    <message>
        <source>the signature matches none of the %1 keys that fit %2</source>
        <translation>签名与适用于 %2 的 %1 个密钥均不匹配</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, not a number of seconds (RFC 7519 §2 NumericDate); it is not checked</source>
        <translation>&quot;%1&quot; 的值为 %2，不是秒数（RFC 7519 §2 NumericDate）；已跳过检查</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, which looks like milliseconds; JWT times are seconds</source>
        <translation>&quot;%1&quot; 的值为 %2，看起来是毫秒；JWT 时间应以秒为单位</translation>
    </message>
    <message>
        <source>there is no &quot;exp&quot;: the token never expires</source>
        <translation>没有 &quot;exp&quot;：该令牌永不过期</translation>
    </message>
    <message>
        <source>expired at %1 (%2 seconds ago)</source>
        <translation>已于 %1 过期（%2 秒前）</translation>
    </message>
    <message>
        <source>not valid before %1 (in %2 seconds)</source>
        <translation>在 %1 之前无效（%2 秒后生效）</translation>
    </message>
    <message>
        <source>&quot;iat&quot; is %1 seconds in the future</source>
        <translation>&quot;iat&quot; 比当前时间晚 %1 秒（位于未来）</translation>
    </message>
    <message>
        <source>the token lives %1 hours; more than 24 hours is risky if it leaks</source>
        <translation>令牌有效期为 %1 小时；有效期超过 24 小时的令牌一旦泄露，风险较大</translation>
    </message>
    <message>
        <source>&quot;iss&quot; is %1, expected &quot;%2&quot;</source>
        <translation>&quot;iss&quot; 为 %1，应为 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;aud&quot; is %1, which does not include &quot;%2&quot;</source>
        <translation>&quot;aud&quot; 为 %1，其中不包含 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the header names a key in &quot;%1&quot;; keys named by the token itself are never trusted nor fetched</source>
        <translation>头部在 &quot;%1&quot; 中指定了密钥；令牌自身指定的密钥既不会被信任，也不会被获取</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公钥</translation>
    </message>
    <message>
        <source>RSA %1-bit %2 key</source>
        <translation>RSA %1 位%2</translation>
    </message>
    <message>
        <source>EC %1 %2 key</source>
        <translation>EC %1 %2</translation>
    </message>
    <message>
        <source>Ed25519 %1 key</source>
        <translation>Ed25519 %1</translation>
    </message>
    <message>
        <source>the oct JWK has no usable &quot;k&quot;</source>
        <translation>oct 类型的 JWK 没有可用的 &quot;k&quot;</translation>
    </message>
    <message>
        <source>HMAC secret from a JWK (%1 bytes)</source>
        <translation>HMAC 密钥（来自 JWK，%1 字节）</translation>
    </message>
    <message>
        <source>unsupported EC curve &quot;%1&quot;</source>
        <translation>不支持的 EC 曲线 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unsupported OKP curve &quot;%1&quot;</source>
        <translation>不支持的 OKP 曲线 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the JWK has no &quot;kty&quot;</source>
        <translation>JWK 中没有 &quot;kty&quot;</translation>
    </message>
    <message>
        <source>unsupported JWK key type &quot;%1&quot;</source>
        <translation>不支持的 JWK 密钥类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the %1 JWK is not a valid key: %2</source>
        <translation>该 %1 JWK 不是有效的密钥：%2</translation>
    </message>
    <message>
        <source> from a JWK</source>
        <translation>（来自 JWK）</translation>
    </message>
    <message>
        <source>the key is not valid JSON: %1 at offset %2</source>
        <translation>密钥不是有效的 JSON：%1（偏移量 %2）</translation>
    </message>
    <message>
        <source>a JWK or JWKS must be a JSON object</source>
        <translation>JWK 或 JWKS 必须是 JSON 对象</translation>
    </message>
    <message>
        <source>the JWKS has no keys</source>
        <translation>JWKS 中没有密钥</translation>
    </message>
    <message>
        <source>no key in the JWKS is usable: %1</source>
        <translation>JWKS 中没有可用的密钥：%1</translation>
    </message>
    <message>
        <source>the secret is not valid base64 (standard or url-safe alphabet)</source>
        <translation>密钥不是有效的 base64（标准或 URL 安全字母表）</translation>
    </message>
    <message>
        <source>the secret is empty</source>
        <translation>密钥为空</translation>
    </message>
    <message>
        <source>HMAC secret (%1 bytes)</source>
        <translation>HMAC 密钥（%1 字节）</translation>
    </message>
    <message>
        <source>the PEM key cannot be read: %1</source>
        <translation>无法读取 PEM 密钥：%1</translation>
    </message>
    <message>
        <source>no key given</source>
        <translation>未提供密钥</translation>
    </message>
    <message>
        <source>the key is neither PEM (-----BEGIN ...) nor a JWK or JWKS (JSON)</source>
        <translation>密钥既不是 PEM（-----BEGIN ...），也不是 JWK 或 JWKS（JSON）</translation>
    </message>
    <message>
        <source>refusing to make an unsigned token (alg &quot;none&quot;)</source>
        <translation>拒绝生成未签名的令牌（alg &quot;none&quot;）</translation>
    </message>
    <message>
        <source>unsupported algorithm &quot;%1&quot;; use one of %2</source>
        <translation>不支持的算法 &quot;%1&quot;；请使用以下算法之一：%2</translation>
    </message>
    <message>
        <source>the header is not a JSON object: %1</source>
        <translation>头部不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>it is another JSON value</source>
        <translation>它是其他类型的 JSON 值</translation>
    </message>
    <message>
        <source>the payload is not a JSON object: %1</source>
        <translation>载荷不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>signing needs a private key, but this is a %1</source>
        <translation>签名需要私钥，但提供的是 %1</translation>
    </message>
    <message>
        <source>signing failed: %1</source>
        <translation>签名失败：%1</translation>
    </message>
    <message>
        <source>header</source>
        <translation>头部</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>ciphertext</source>
        <translation>密文</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>认证标签</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2)</source>
        <translation>&apos;%1&apos;（%2）</translation>
    </message>
    <message>
        <source>padding &apos;=&apos; is not allowed in a JWS (RFC 7515 §2)</source>
        <translation>JWS 中不允许使用填充字符 &apos;=&apos;（RFC 7515 §2）</translation>
    </message>
    <message>
        <source>character %1 is not allowed in base64url</source>
        <translation>base64url 中不允许使用字符 %1</translation>
    </message>
    <message>
        <source>%1 segment, position %2 (character %3 of the segment): %4</source>
        <translation>%1段，位置 %2（该段第 %3 个字符）：%4</translation>
    </message>
    <message>
        <source>%1 segment, position %2: a length of %3 characters is impossible for base64url (one character too many or too few)</source>
        <translation>%1段，位置 %2：base64url 编码的长度不可能为 %3 个字符（多了或少了一个字符）</translation>
    </message>
    <message>
        <source>%1 segment is not valid base64url</source>
        <translation>%1段不是有效的 base64url 编码</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text</source>
        <translation>%1不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1为空</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at byte %3</source>
        <translation>%1不是有效的 JSON：%2（位于字节 %3）</translation>
    </message>
    <message>
        <source>%1 is JSON but not an object; it is shown as text</source>
        <translation>%1是 JSON，但不是对象；将以文本形式显示</translation>
    </message>
    <message>
        <source>the token is empty</source>
        <translation>令牌为空</translation>
    </message>
    <message>
        <source>this is an encrypted token (JWE, five segments); only its protected header can be shown</source>
        <translation>这是加密令牌（JWE，五段）；只能显示其受保护头部</translation>
    </message>
    <message>
        <source>a signed JWT has 3 segments separated by &apos;.&apos;, this one has %1</source>
        <translation>签名的 JWT 由 &apos;.&apos; 分隔为 3 段，而此令牌有 %1 段</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>no matching key: the JWKS has no key with &quot;kid&quot;: %1</source>
        <translation>没有匹配的密钥：JWKS 中没有 &quot;kid&quot; 为 %1 的密钥</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, not a number of seconds (RFC 7519 §2 NumericDate): the claims are invalid</source>
        <translation>&quot;%1&quot; 的值为 %2，不是秒数（RFC 7519 §2 NumericDate）：声明无效</translation>
    </message>
</context>
<context>
    <name>Jwt::Catalog</name>
    <message>
        <source>Algorithm used to sign the token. The key, not this value, decides what is accepted.</source>
        <translation>用于签名令牌的算法。决定接受哪种算法的是密钥，而不是此值。</translation>
    </message>
    <message>
        <source>Media type of the whole token, usually &quot;JWT&quot;.</source>
        <translation>整个令牌的媒体类型，通常为 &quot;JWT&quot;。</translation>
    </message>
    <message>
        <source>Content type of the payload; &quot;JWT&quot; means a nested token.</source>
        <translation>载荷的内容类型；&quot;JWT&quot; 表示嵌套令牌。</translation>
    </message>
    <message>
        <source>Key ID: which of the issuer&apos;s keys signed the token.</source>
        <translation>密钥 ID：签发者用哪个密钥签名了此令牌。</translation>
    </message>
    <message>
        <source>URL of a key set named by the token itself. Never fetched or trusted.</source>
        <translation>令牌自身指定的密钥集 URL。从不获取，也不信任。</translation>
    </message>
    <message>
        <source>A public key embedded by the token itself. Never trusted.</source>
        <translation>令牌自身嵌入的公钥。从不信任。</translation>
    </message>
    <message>
        <source>URL of an X.509 certificate named by the token itself. Never fetched or trusted.</source>
        <translation>令牌自身指定的 X.509 证书 URL。从不获取，也不信任。</translation>
    </message>
    <message>
        <source>X.509 certificate chain embedded by the token itself. Never trusted.</source>
        <translation>令牌自身嵌入的 X.509 证书链。从不信任。</translation>
    </message>
    <message>
        <source>SHA-1 thumbprint of the signing certificate.</source>
        <translation>签名证书的 SHA-1 指纹。</translation>
    </message>
    <message>
        <source>SHA-256 thumbprint of the signing certificate.</source>
        <translation>签名证书的 SHA-256 指纹。</translation>
    </message>
    <message>
        <source>Extensions the reader must understand, or else reject the token.</source>
        <translation>接收方必须理解的扩展；否则必须拒绝此令牌。</translation>
    </message>
    <message>
        <source>false means the payload is not base64url-encoded (RFC 7797).</source>
        <translation>false 表示载荷未经 base64url 编码（RFC 7797）。</translation>
    </message>
    <message>
        <source>Content encryption algorithm of an encrypted token (JWE).</source>
        <translation>加密令牌（JWE）的内容加密算法。</translation>
    </message>
    <message>
        <source>Compression applied before encryption (JWE).</source>
        <translation>加密前应用的压缩算法（JWE）。</translation>
    </message>
    <message>
        <source>Issuer: who created and signed the token.</source>
        <translation>签发者：创建并签名此令牌的一方。</translation>
    </message>
    <message>
        <source>Subject: the user or thing the token is about.</source>
        <translation>主体：令牌所涉及的用户或对象。</translation>
    </message>
    <message>
        <source>Audience: the services that should accept the token.</source>
        <translation>受众：应接受此令牌的服务。</translation>
    </message>
    <message>
        <source>Expiration time: the token must be refused from then on.</source>
        <translation>过期时间：自此时间起必须拒绝此令牌。</translation>
    </message>
    <message>
        <source>Not before: the token must be refused until then.</source>
        <translation>生效时间：在此时间之前必须拒绝此令牌。</translation>
    </message>
    <message>
        <source>Issued at: when the token was created.</source>
        <translation>签发时间：令牌的创建时间。</translation>
    </message>
    <message>
        <source>JWT ID: a unique identifier, used to detect replays and revoke.</source>
        <translation>JWT ID：唯一标识符，用于检测重放和吊销令牌。</translation>
    </message>
    <message>
        <source>Authorized party: the client the token was issued to.</source>
        <translation>授权方：令牌所签发给的客户端。</translation>
    </message>
    <message>
        <source>Value from the login request, binding the token to it.</source>
        <translation>来自登录请求的值，用于将令牌与该请求绑定。</translation>
    </message>
    <message>
        <source>When the user actually authenticated.</source>
        <translation>用户实际完成身份验证的时间。</translation>
    </message>
    <message>
        <source>Permissions granted, separated by spaces.</source>
        <translation>授予的权限，以空格分隔。</translation>
    </message>
    <message>
        <source>Session ID at the issuer.</source>
        <translation>签发者处的会话 ID。</translation>
    </message>
    <message>
        <source>The user&apos;s full name.</source>
        <translation>用户的全名。</translation>
    </message>
    <message>
        <source>The user&apos;s e-mail address.</source>
        <translation>用户的电子邮件地址。</translation>
    </message>
    <message>
        <source>Whether the issuer verified the e-mail address.</source>
        <translation>签发者是否已验证该电子邮件地址。</translation>
    </message>
    <message>
        <source>The name the user likes to be called by.</source>
        <translation>用户希望使用的称呼。</translation>
    </message>
    <message>
        <source>When the user&apos;s profile last changed.</source>
        <translation>用户资料的最后更新时间。</translation>
    </message>
    <message>
        <source>The OAuth client the token was issued to.</source>
        <translation>令牌所签发给的 OAuth 客户端。</translation>
    </message>
    <message>
        <source>Roles of the subject.</source>
        <translation>主体的角色。</translation>
    </message>
    <message>
        <source>Groups of the subject.</source>
        <translation>主体所属的组。</translation>
    </message>
    <message>
        <source>Actor: who acts on behalf of the subject (token exchange).</source>
        <translation>行为方：代表主体执行操作的一方（令牌交换）。</translation>
    </message>
    <message>
        <source>Confirmation: the key the holder must prove to possess.</source>
        <translation>确认：持有者必须证明自己持有的密钥。</translation>
    </message>
</context>
<context>
    <name>Jwt::TimeText</name>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>%1后过期</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>已于 %1前过期</translation>
    </message>
    <message>
        <source>valid in %1</source>
        <translation>%1后生效</translation>
    </message>
    <message>
        <source>valid since %1 ago</source>
        <translation>已于 %1前生效</translation>
    </message>
    <message>
        <source>issued in %1 (in the future)</source>
        <translation>%1后签发（未来时间）</translation>
    </message>
    <message>
        <source>issued %1 ago</source>
        <translation>签发于 %1前</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1后</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
</context>
<context>
    <name>JwtInspector</name>
    <message>
        <source>JWT Inspector</source>
        <translation>JWT 检查器</translation>
    </message>
    <message>
        <source>&amp;Decode</source>
        <translation>解码(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Encoded token</source>
        <translation>编码的令牌(&amp;E)</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Paste a JWT here, drop a file on this panel, or open one. Nothing is ever sent anywhere.</source>
        <translation>在此粘贴 JWT、将文件拖放到此面板上，或打开文件。任何内容都不会被发送到任何地方。</translation>
    </message>
    <message>
        <source>Verify signature</source>
        <translation>验证签名</translation>
    </message>
    <message>
        <source>HMAC secret, or a public key (PEM), certificate, JWK or JWKS</source>
        <translation>HMAC 密钥，或公钥（PEM）、证书、JWK 或 JWKS</translation>
    </message>
    <message>
        <source>Secret is &amp;base64</source>
        <translation>密钥为 base64 编码(&amp;B)</translation>
    </message>
    <message>
        <source>Open &amp;Key File…</source>
        <translation>打开密钥文件(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Header</source>
        <translation>头部(&amp;H)</translation>
    </message>
    <message>
        <source>Header: algorithm and token type</source>
        <translation>头部：算法和令牌类型</translation>
    </message>
    <message>
        <source>&amp;Payload</source>
        <translation>载荷(&amp;P)</translation>
    </message>
    <message>
        <source>Payload: the claims</source>
        <translation>载荷：各项声明</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>声明(&amp;C)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>E&amp;ncode</source>
        <translation>编码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>算法(&amp;A)：</translation>
    </message>
    <message>
        <source>Hea&amp;der:</source>
        <translation>头部(&amp;D)：</translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation>载荷(&amp;Y)：</translation>
    </message>
    <message>
        <source>Signing &amp;key:</source>
        <translation>签名密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>HMAC secret, or a private key (PEM or JWK)</source>
        <translation>HMAC 密钥，或私钥（PEM 或 JWK）</translation>
    </message>
    <message>
        <source>Secret is base&amp;64</source>
        <translation>密钥为 base64 编码(&amp;6)</translation>
    </message>
    <message>
        <source>Open Key File…</source>
        <translation>打开密钥文件…</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Open in Decoder</source>
        <translation>在解码器中打开</translation>
    </message>
    <message>
        <source>Keep a history of inspected tokens on this computer</source>
        <translation>在本机保留已检查令牌的历史记录</translation>
    </message>
    <message>
        <source>Select a row to read it in full.</source>
        <translation>选择一行以查看完整内容。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log in to your Tidings account server.</source>
        <translation>登录到您的 Tidings 账户服务器。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>auth.example.org</source>
        <translation>auth.example.org</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Use &amp;TLS</source>
        <translation>使用 TLS(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Remember password in the system keyring</source>
        <translation>在系统密钥环中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Trust This Certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <source>Without TLS, anyone on the network path can read the salt, the proof and your session token, and can pose as the server. Use it only on your own computer.</source>
        <translation>不使用 TLS 时，网络路径上的任何人都能读取盐值、证明和您的会话令牌，还能冒充服务器。仅在您自己的计算机上使用。</translation>
    </message>
    <message>
        <source>Warning: unencrypted connection</source>
        <translation>警告：未加密的连接</translation>
    </message>
    <message>
        <source>Sta&amp;y signed in (the session token is kept in the system keyring)</source>
        <translation>保持登录（会话令牌保存在系统密钥环中）(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tidings</source>
        <translation>Tidings</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>No mail account yet</source>
        <translation>尚无邮件账户</translation>
    </message>
    <message>
        <source>Tell Tidings where your POP3 server is, and your messages will be listed here.</source>
        <translation>告诉 Tidings 您的 POP3 服务器地址，您的邮件将在此处列出。</translation>
    </message>
    <message>
        <source>Set Up Account…</source>
        <translation>设置账户…</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>邮件列表</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Mail</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>JWT Inspector</source>
        <translation>JWT 检查器</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>状态栏(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Get Mail</source>
        <translation>收取邮件(&amp;G)</translation>
    </message>
    <message>
        <source>Get Mail</source>
        <translation>收取邮件</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>新建邮件(&amp;N)</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>撰写</translation>
    </message>
    <message>
        <source>Account &amp;Settings…</source>
        <translation>账户设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation>登录(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;About Tidings</source>
        <translation>关于 Tidings(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>JWT Inspector in New &amp;Window</source>
        <translation>在新窗口中打开 JWT 检查器(&amp;W)</translation>
    </message>
    <message>
        <source>Sign in to your Tidings account server</source>
        <translation>登录到您的 Tidings 账户服务器</translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Session &amp;Details</source>
        <translation>会话详情(&amp;D)</translation>
    </message>
    <message>
        <source>Accounts and local folders with their unread counts</source>
        <translation>账户和本地文件夹，以及各自的未读邮件数</translation>
    </message>
    <message>
        <source>Search sender, subject and text (Ctrl+F)</source>
        <translation>搜索发件人、主题和正文（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>搜索邮件</translation>
    </message>
    <message>
        <source>Filters the list by sender, subject and message text as you type</source>
        <translation>随输入按发件人、主题和邮件正文筛选列表</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Group by thread</source>
        <translation>按会话分组</translation>
    </message>
    <message>
        <source>Group replies under the message they answer</source>
        <translation>将回复归入其所回复的邮件之下</translation>
    </message>
    <message>
        <source>Messages in the selected folder; Space reads on, Delete moves to Trash</source>
        <translation>所选文件夹中的邮件；按空格键继续阅读，按 Delete 键移到废件箱</translation>
    </message>
    <message>
        <source>Download new messages for the selected account (F5)</source>
        <translation>为所选账户下载新邮件（F5）</translation>
    </message>
    <message>
        <source>Get Mail for &amp;All Accounts</source>
        <translation>为所有账户收取邮件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Stop Getting Mail</source>
        <translation>停止收取邮件(&amp;S)</translation>
    </message>
    <message>
        <source>Mark as &amp;Read/Unread</source>
        <translation>标记为已读/未读(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Flag/Unflag</source>
        <translation>加星标/取消星标(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move the selected messages to Trash (Edit › Undo brings them back)</source>
        <translation>将所选邮件移到废件箱（可通过“编辑 › 撤销”恢复）</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>清空废件箱(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Search Messages</source>
        <translation>搜索邮件(&amp;S)</translation>
    </message>
    <message>
        <source>Group by &amp;Thread</source>
        <translation>按会话分组(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Protocol Log</source>
        <translation>协议日志(&amp;P)</translation>
    </message>
    <message>
        <source>Write a new message</source>
        <translation>撰写新邮件</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Reply to the sender of the message shown</source>
        <translation>回复当前邮件的发件人</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Reply &amp;All</source>
        <translation>全部回复(&amp;A)</translation>
    </message>
    <message>
        <source>Reply to the sender and every recipient</source>
        <translation>回复发件人及所有收件人</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>转发(&amp;F)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>Forward the message shown, with its attachments</source>
        <translation>转发当前邮件及其附件</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Forward as A&amp;ttachment</source>
        <translation>作为附件转发(&amp;T)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Preference pages</source>
        <translation>首选项页面</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Mark a message read as soon as it is shown (otherwise after a short delay)</source>
        <translation>显示邮件后立即标记为已读（否则稍后再标记）(&amp;M)</translation>
    </message>
    <message>
        <source>Mark messages read at once</source>
        <translation>立即将邮件标记为已读</translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification for new mail</source>
        <translation>收到新邮件时显示桌面通知(&amp;N)</translation>
    </message>
    <message>
        <source>Notify of new mail</source>
        <translation>新邮件通知</translation>
    </message>
    <message>
        <source>Show an icon with the unread count in the system &amp;tray</source>
        <translation>在系统托盘中显示带未读邮件数的图标(&amp;T)</translation>
    </message>
    <message>
        <source>Tray icon</source>
        <translation>托盘图标</translation>
    </message>
    <message>
        <source>&amp;Dock the JWT inspector in the main window (otherwise it opens in its own window)</source>
        <translation>将 JWT 检查器停靠在主窗口中（否则在单独的窗口中打开）(&amp;D)</translation>
    </message>
    <message>
        <source>Dock the JWT inspector</source>
        <translation>停靠 JWT 检查器</translation>
    </message>
    <message>
        <source>Mail accounts, their servers and what to download are set in Account → Account Settings.</source>
        <translation>邮件账户、服务器及下载选项请在“账户 → 账户设置”中设置。</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>撰写</translation>
    </message>
    <message>
        <source>&amp;Undo Send for:</source>
        <translation>撤销发送时限(&amp;U)：</translation>
    </message>
    <message>
        <source>Seconds to undo a sent message</source>
        <translation>可撤销已发送邮件的秒数</translation>
    </message>
    <message>
        <source>A sent message waits this long in the Outbox, with Undo in the status bar; 0 sends at once</source>
        <translation>已发送的邮件会在发件箱中等待这么长时间，期间可在状态栏中撤销；设为 0 则立即发送</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Warn above attachments of:</source>
        <translation>附件超过此大小时警告(&amp;W)：</translation>
    </message>
    <message>
        <source>Attachment size warning in MB</source>
        <translation>附件大小警告阈值（MB）</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
</context>
</TS>
