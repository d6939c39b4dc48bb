// SPDX-License-Identifier: GPL-3.0-or-later
#include "signingkey.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Authd {

namespace {

bool writePrivateFile(const QString &path, const QByteArray &data, QString *error)
{
    // QSaveFile writes a temporary file and renames it: never half a key.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray ed25519PublicBytes(const Crypto::Key &key)
{
    // An Ed25519 SubjectPublicKeyInfo is a fixed 12-byte prefix and the 32-byte key (RFC 8410 §4).
    QByteArray pem = key.publicPem();
    const QByteArray body = QByteArray::fromBase64(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                                                       .replace("-----END PUBLIC KEY-----", "")
                                                       .trimmed());
    return body.size() == 44 ? body.right(32) : QByteArray();
}

bool makePrivateDirectory(const QString &directory, QString *error)
{
    if (!QDir().mkpath(directory)) {
        *error = u"cannot create the data directory %1"_s.arg(directory);
        return false;
    }
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

// A missing file is empty; one that exists but cannot be read is an error,
// never silently replaced (that would void every token or change every fake salt).
std::optional<QByteArray> readPrivateFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            u"cannot read %1: %2; fix its owner or mode, or move it away to start afresh"_s.arg(
                path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    if (data.isEmpty()) {
        *error =
            u"%1 is empty; restore it from a backup, or move it away to start afresh"_s.arg(path);
        return std::nullopt;
    }
    return data;
}

QString SigningKey::fileIn(const QString &directory)
{
    return QDir(directory).absoluteFilePath(u"signing-key.pem"_s);
}

SigningKey SigningKey::fromKey(const Crypto::Key &key)
{
    SigningKey k;
    k.key = key;
    k.x = ed25519PublicBytes(key);
    const QByteArray canonical =
        "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64Url(k.x).toLatin1() + "\"}";
    k.kid = base64Url(Crypto::digest(Crypto::Hash::Sha256, canonical));
    return k;
}

std::optional<SigningKey> SigningKey::loadOrCreate(const QString &directory, QString *error)
{
    if (!makePrivateDirectory(directory, error))
        return std::nullopt;
    const QString path = fileIn(directory);
    const auto existing = readPrivateFile(path, error);
    if (!existing)
        return std::nullopt;
    if (existing->isEmpty())
        return replace(directory, error);
    QString why;
    const Crypto::Key key = Crypto::Key::fromPem(*existing, &why);
    if (key.isNull() || !key.isPrivate() || ed25519PublicBytes(key).isEmpty()) {
        *error = u"the signing key %1 is unreadable (not a private Ed25519 key): %2"_s.arg(path, why);
        return std::nullopt;
    }
    return fromKey(key);
}

std::optional<SigningKey> SigningKey::replace(const QString &directory, QString *error)
{
    const Crypto::Key key = Crypto::Key::generateEd25519();
    if (!writePrivateFile(fileIn(directory), key.privatePem(), error))
        return std::nullopt;
    return fromKey(key);
}

} // namespace Authd
