// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for everything a pasted token or key reaches: the decoder,
// the JSON parser and printer, the key readers and the verifier.
// Build and run: scripts/fuzz [SECONDS]
#include "core/jwt/inspector.h"
#include "core/jwt/json.h"
#include "core/jwt/keys.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString text = QString::fromUtf8(bytes);
    Jwt::InspectOptions options;
    options.now = 1800000000;
    options.issuer = u"iss"_s;
    options.audience = u"aud"_s;
    switch (data[0] % 5) {
    case 0:
        Jwt::inspect(text, {}, options);
        break;
    case 1:
        Jwt::inspect(text, {Jwt::KeyInput::Kind::SecretText, u"0123456789abcdef0123456789abcdef"_s}, options);
        break;
    case 2:
        // Key material: PEM, JWK or JWKS.
        Jwt::readKeys({Jwt::KeyInput::Kind::KeyText, text});
        Jwt::readKeys({Jwt::KeyInput::Kind::SecretBase64, text});
        break;
    case 3: {
        const Jwt::JsonParseResult parsed = Jwt::parseJson(bytes);
        if (parsed.value) {
            // Printing then parsing again must give the same text (a round trip).
            const QString pretty = Jwt::toPrettyJson(*parsed.value);
            const Jwt::JsonParseResult again = Jwt::parseJson(pretty.toUtf8());
            if (!again.value || Jwt::toPrettyJson(*again.value) != pretty)
                __builtin_trap();
        }
        break;
    }
    case 4: {
        // A token and a JWKS in one input, separated by the first newline.
        const qsizetype split = text.indexOf(u'\n');
        if (split > 0)
            Jwt::inspect(text.left(split), {Jwt::KeyInput::Kind::KeyText, text.mid(split + 1)}, options);
        break;
    }
    }
    return 0;
}
