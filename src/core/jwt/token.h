// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "issue.h"
#include "json.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Jwt {

struct Segment
{
    qsizetype start = 0; // character index in Token::text
    qsizetype length = 0;
};

// A token taken apart, with nothing verified yet. Decoding never fails as a
// whole: whatever could be read is filled in and the rest is in errors.
struct Token
{
    QString text;               // the token after trimming and removing "Bearer "
    qsizetype textOffset = 0;   // where text starts in the pasted input
    QList<Segment> segments;

    QByteArray headerBytes;
    QByteArray payloadBytes;
    QByteArray signature;
    // The decoded segment as text; null when it is not UTF-8. Made on demand:
    // verifying needs only the bytes and the JSON.
    std::optional<QString> headerText() const;
    std::optional<QString> payloadText() const;
    std::optional<JsonValue> header;    // set only for a JSON object
    std::optional<JsonValue> payload;
    QString alg;                        // header "alg" if it is a string

    QList<Error> errors;   // structural: jwe, segments, base64, json
    QList<Warning> warnings;

    // Three segments, all decoded, header and payload JSON objects: the
    // signature can be checked and the claims read.
    bool isWellFormed() const { return errors.isEmpty(); }
    QByteArray signingInput() const; // ASCII "header.payload" (RFC 7515 §5.2)
};

Token decodeToken(QStringView input);

// What the inspector shows for the header or payload: pretty JSON for an
// object, the text itself for anything else that is UTF-8, null otherwise.
std::optional<QString> displayText(const std::optional<JsonValue> &value,
                                   const std::optional<QString> &text);

} // namespace Jwt
