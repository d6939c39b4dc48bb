// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Client {

namespace {
const QString service = u"Tidings"_s;
// Jobs have no parent and delete themselves when they finish: libsecret calls
// back into a job whose call is pending, so a job must outlive its store (the
// login dialog drops its store after the first of two jobs ended; a parented
// second job was then freed under libsecret's feet).
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

QString SecretStore::authKey(const QString &user, const QString &host, quint16 port)
{
    return u"tap:%1@%2:%3"_s.arg(user, host).arg(port);
}

QString SecretStore::mailKey(const Types::AccountSettings &account)
{
    // Accounts made before ids had their key as the id: their entries keep working.
    return u"pop3:"_s + (account.id.isEmpty() ? account.key() : account.id);
}

QString SecretStore::smtpKey(const Types::AccountSettings &account)
{
    if (!account.smtpSeparatePassword)
        return mailKey(account);
    return u"smtp:"_s + (account.id.isEmpty() ? account.key() : account.id);
}

void SecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(service); // no parent: see above
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        if (job->error() == QKeychain::NoError)
            Q_EMIT readFinished(key, job->textData());
        else if (job->error() == QKeychain::EntryNotFound)
            Q_EMIT readFinished(key, QString());
        else
            Q_EMIT failed(key, job->errorString());
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(service); // no parent: see above
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        Q_EMIT writeFinished(key, job->error() == QKeychain::NoError, job->errorString());
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(service); // no parent: see above
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key] { Q_EMIT removeFinished(key); });
    job->start();
}

} // namespace Client
