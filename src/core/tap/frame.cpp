// SPDX-License-Identifier: GPL-3.0-or-later
#include "frame.h"

#include <QJsonDocument>
#include <QStringDecoder>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Tap {

QByteArray encodeFrame(const QJsonObject &message)
{
    const QByteArray body = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray frame(4, Qt::Uninitialized);
    qToBigEndian(quint32(body.size()), frame.data());
    return frame + body;
}

void FrameDecoder::feed(const QByteArray &bytes)
{
    m_buffer += bytes;
}

qint64 FrameDecoder::room() const
{
    return qint64(4 + maxFrameSize) - m_buffer.size();
}

FrameDecoder::Status FrameDecoder::next(QJsonObject *message, QString *error)
{
    if (m_failed)
        return Status::Error;
    if (m_buffer.size() < 4)
        return Status::NeedMore;
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
    auto fail = [&](const QString &why) {
        m_failed = true;
        *error = why;
        return Status::Error;
    };
    if (length < 1 || length > maxFrameSize)
        return fail(u"frame length %1 is outside 1..65536"_s.arg(length));
    if (quint32(m_buffer.size()) < 4 + length)
        return Status::NeedMore;
    const QByteArray body = m_buffer.mid(4, length);
    m_buffer.remove(0, 4 + length);

    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(body); // decode() is lazy: converting runs it
    Q_UNUSED(text);
    if (utf8.hasError())
        return fail(u"the frame is not UTF-8"_s);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"the frame is not JSON: %1"_s.arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(u"the frame is not a JSON object"_s);
    if (!doc.object().value(u"type"_s).isString())
        return fail(u"the message has no string \"type\""_s);
    *message = doc.object();
    return Status::Frame;
}

} // namespace Tap
