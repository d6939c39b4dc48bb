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
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>L&amp;ogin method:</source>
        <translation>登录方式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Leave messages on the server</source>
        <translation>在服务器上保留邮件(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Delete them there after</source>
        <translation>在服务器上保留期满后删除(&amp;D)：</translation>
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
        <source>Only &amp;headers of messages larger than</source>
        <translation>大于此大小的邮件只下载邮件头(&amp;H)：</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>The rest of such a message is downloaded when you open it.</source>
        <translation>打开这类邮件时再下载其余部分。</translation>
    </message>
</context>
</TS>
