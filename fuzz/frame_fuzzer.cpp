// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for what tidings-authd reads from the network before any
// login: the TAP/1 frame decoder (fed in the cuts the first bytes choose, as
// TCP may deliver them) and the SCRAM messages inside the frames.
#include "core/scram/scram.h"
#include "core/tap/frame.h"

#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

namespace {

[[noreturn]] void broken(const char *what)
{
    fprintf(stderr, "invariant broken: %s\n", what);
    abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // Byte 0: the cut length (1..256); byte 1: whether to run SCRAM on what decodes.
    const size_t cut = size_t(data[0]) + 1;
    const bool scram = data[1] & 1;
    const QByteArray stream(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    Tap::FrameDecoder decoder;
    qsizetype offset = 0;
    int frames = 0;
    bool failed = false;
    while (offset < stream.size() && !failed) {
        // A reader never takes more than room(): the buffer holds one frame at most.
        const qint64 room = decoder.room();
        if (room <= 0 || room > qint64(Tap::maxFrameSize) + 4)
            broken("room out of bounds");
        const qsizetype take =
            qsizetype(qMin<qint64>(qMin<qint64>(qint64(cut), room), stream.size() - offset));
        decoder.feed(stream.mid(offset, take));
        offset += take;
        for (;;) {
            QJsonObject message;
            QString error;
            const auto status = decoder.next(&message, &error);
            if (status == Tap::FrameDecoder::Status::NeedMore)
                break;
            if (status == Tap::FrameDecoder::Status::Error) {
                if (error.isEmpty())
                    broken("an error without a reason");
                failed = true;
                break;
            }
            ++frames;
            if (!message.value(QStringLiteral("type")).isString())
                broken("a frame without a string type");
            // Every frame we accept is one we could have sent ourselves.
            if (Tap::encodeFrame(message).size() > qsizetype(Tap::maxFrameSize) + 4)
                broken("a decoded frame re-encodes larger than the limit");
            if (scram) {
                const QByteArray text =
                    message.value(QStringLiteral("message")).toString().toUtf8();
                // What the server parses: client-first, then the same text as client-final.
                static const Scram::Verifier verifier = Scram::Verifier::fromPassword(
                    QStringLiteral("pencil"), "saltsaltsaltsalt", 4096);
                Scram::ServerExchange server;
                if (server.handleClientFirst(text)) {
                    server.serverFirst(verifier);
                    Scram::ServerExchange::Failure failure;
                    server.handleClientFinal(text, &failure);
                }
            }
        }
    }
    (void)frames;
    return 0;
}
