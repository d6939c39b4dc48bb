// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace Jwt {

struct JsonMember;

// A JSON value as written: objects keep their member order and numbers keep
// their digits. QJsonObject cannot do either (it sorts keys and turns big
// integers into doubles), and a token inspector must show what the token says.
struct JsonValue
{
    enum class Type { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    QString text; // a string's value, or a number's digits exactly as written
    std::vector<JsonValue> elements;
    std::vector<JsonMember> members;

    bool isObject() const { return type == Type::Object; }
    bool isString() const { return type == Type::String; }
    bool isNumber() const { return type == Type::Number; }
    const JsonValue *member(QStringView name) const;

    // Integral part of a number when it fits in 64 bits ("1.5e3" -> 1500).
    std::optional<qint64> toInt64() const;
    std::optional<double> toDouble() const;

    static JsonValue string(const QString &value);
    static JsonValue number(const QString &digits);
    static JsonValue number(qint64 value);
    static JsonValue boolValue(bool value);
    static JsonValue array();
    static JsonValue object();
    JsonValue &add(const QString &name, JsonValue value); // objects; returns the new member
    JsonValue &append(JsonValue value);                   // arrays
};

struct JsonMember
{
    QString name;
    JsonValue value;
};

struct JsonParseResult
{
    std::optional<JsonValue> value;
    QString error;        // English, e.g. "duplicate member name \"alg\""
    qsizetype offset = -1; // byte offset of the error in the input
};

// Strict RFC 8259 parsing of UTF-8 bytes: invalid UTF-8, duplicated member
// names (RFC 7515 §5.2 says reject or keep the last; we reject), trailing text
// and nesting deeper than maxJsonDepth are errors.
constexpr int maxJsonDepth = 256;
// utf8Checked skips the encoding check when the caller has already made it.
JsonParseResult parseJson(const QByteArray &utf8, bool utf8Checked = false);

// Two-space indented, members in their order, numbers as written, non-ASCII
// as itself (only what JSON requires is escaped).
QString toPrettyJson(const JsonValue &value);
QString toCompactJson(const JsonValue &value);

} // namespace Jwt
