<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fast, safe desktop client for POP3 mail and for inspecting authentication tokens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::AboutDialog</name>
    <message>
        <source>Free software under the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::Application</name>
    <message>
        <source>Read POP3 mail and inspect authentication tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all settings and data under &lt;dir&gt; instead of the home folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>No mail account yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell Tidings where your POP3 server is, and your messages will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Up Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail account configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account %1 is set up. Downloaded messages will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1, port %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::PreferencesDialog</name>
    <message>
        <source>TLS (POP3S, recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without encryption, anyone on the network path can read your password and your mail. Use this only for a server on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail account yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell Tidings where your POP3 server is, and your messages will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Up Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token inspection is not available in this version of Tidings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download new messages (needs the inbox engine, not in this version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a new message (not in this version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to an auth server (not in this version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is never written to the settings file. Tidings asks for it when it connects and, if you allow it, keeps it in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
