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
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>尚无邮件</translation>
    </message>
    <message>
        <source>Your account %1 is set up. Downloaded messages will be listed here.</source>
        <translation>您的账户 %1 已设置完成。下载的邮件将在此处列出。</translation>
    </message>
    <message>
        <source>Account Settings…</source>
        <translation>账户设置…</translation>
    </message>
    <message>
        <source>Account: %1, port %2</source>
        <translation>账户：%1，端口 %2</translation>
    </message>
</context>
<context>
    <name>Gui::PreferencesDialog</name>
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
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Without encryption, anyone on the network path can read your password and your mail. Use this only for a server on this computer.</source>
        <translation>如果不加密，网络路径上的任何人都能读取您的密码和邮件。请仅对本机上的服务器使用此选项。</translation>
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
        <source>Message</source>
        <translation>邮件内容</translation>
    </message>
    <message>
        <source>No message selected</source>
        <translation>未选择邮件</translation>
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
        <source>Token inspection is not available in this version of Tidings.</source>
        <translation>此版本的 Tidings 不提供令牌检查功能。</translation>
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
        <source>Download new messages (needs the inbox engine, not in this version)</source>
        <translation>下载新邮件（需要收件箱引擎，此版本不提供）</translation>
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
        <source>Write a new message (not in this version)</source>
        <translation>撰写新邮件（此版本不提供）</translation>
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
        <source>Sign in to an auth server (not in this version)</source>
        <translation>登录到身份验证服务器（此版本不提供）</translation>
    </message>
    <message>
        <source>&amp;About Tidings</source>
        <translation>关于 Tidings(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Mail Account</source>
        <translation>邮件账户</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>pop.example.com</source>
        <translation>pop.example.com</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>安全性(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
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
        <source>Your password is never written to the settings file. Tidings asks for it when it connects and, if you allow it, keeps it in the system keyring.</source>
        <translation>您的密码绝不会写入设置文件。Tidings 会在连接时询问密码，并在您允许的情况下将其保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
</TS>
