// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts.h"

#include "secretstore.h"
#include "settingsstore.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAccounts, "tidings.client.accounts", QtWarningMsg)

namespace Client {

namespace {
const QString keyPrefix = u"pop3:"_s;

QString keyOf(const QString &id)
{
    Types::AccountSettings account;
    account.id = id;
    return SecretStore::mailKey(account);
}
} // namespace

Accounts::Accounts(SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(new SecretStore(this))
{
    connect(m_secrets, &SecretStore::readFinished, this,
            [this](const QString &key, const QString &secret) {
                --m_inFlight;
                Q_EMIT passwordRead(idForKey(key), secret);
            });
    connect(m_secrets, &SecretStore::writeFinished, this,
            [this](const QString &key, bool ok, const QString &why) {
                --m_inFlight;
                if (ok)
                    Q_EMIT passwordWritten(idForKey(key));
                else
                    Q_EMIT error(idForKey(key),
                                 tr("The system keyring did not store the password: %1").arg(why));
            });
    connect(m_secrets, &SecretStore::removeFinished, this, [this](const QString &key) {
        --m_inFlight;
        Q_EMIT passwordRemoved(idForKey(key));
    });
    connect(m_secrets, &SecretStore::failed, this, [this](const QString &key, const QString &why) {
        --m_inFlight;
        Q_EMIT error(idForKey(key), tr("The system keyring could not be read: %1").arg(why));
    });
}

Accounts::~Accounts() = default;

QList<Types::AccountSettings> Accounts::list() const
{
    return m_settings.accounts();
}

std::optional<Types::AccountSettings> Accounts::find(const QString &id) const
{
    for (const Types::AccountSettings &account : m_settings.accounts())
        if (account.id == id)
            return account;
    return std::nullopt;
}

QString Accounts::problem(const Types::AccountSettings &account)
{
    if (account.host.trimmed().isEmpty())
        return tr("Enter the incoming server's host name.");
    if (account.user.trimmed().isEmpty())
        return tr("Enter the user name for the server.");
    if (account.port == 0)
        return tr("The port must be a number from 1 to 65535.");
    if (!account.caFile.isEmpty()) {
        QFile file(account.caFile);
        if (!file.open(QIODevice::ReadOnly))
            return tr("The CA certificate file %1 cannot be read: %2")
                .arg(account.caFile, file.errorString());
        if (QSslCertificate::fromData(file.readAll(), QSsl::Pem).isEmpty())
            return tr("The file %1 holds no PEM certificate.").arg(account.caFile);
    }
    if (account.deleteAfterDays < -1 || account.sizeLimitKb < -1 || account.sizeLimitKb == 0 ||
        account.checkEveryMinutes < 0)
        return tr("A number of days, kilobytes or minutes is out of range.");
    return {};
}

bool Accounts::refuse(const QString &message)
{
    m_error = message;
    qCInfo(lcAccounts) << "refused:" << message;
    return false;
}

bool Accounts::add(const Types::AccountSettings &account, QString *newId)
{
    if (const QString why = problem(account); !why.isEmpty())
        return refuse(why);
    QList<Types::AccountSettings> all = m_settings.accounts();
    Types::AccountSettings added = account;
    added.id.clear(); // SettingsStore::setAccounts gives a new account its id
    all.append(added);
    m_settings.setAccounts(all);
    m_settings.sync();
    const QList<Types::AccountSettings> saved = m_settings.accounts();
    if (newId)
        *newId = saved.isEmpty() ? QString() : saved.last().id;
    m_error.clear();
    Q_EMIT changed();
    return true;
}

bool Accounts::update(const Types::AccountSettings &account)
{
    if (const QString why = problem(account); !why.isEmpty())
        return refuse(why);
    QList<Types::AccountSettings> all = m_settings.accounts();
    auto it =
        std::find_if(all.begin(), all.end(), [&](const auto &a) { return a.id == account.id; });
    if (account.id.isEmpty() || it == all.end())
        return refuse(tr("There is no such account (it may have been removed meanwhile)."));
    if (*it == account)
        return true;
    *it = account;
    m_settings.setAccounts(all);
    m_settings.sync();
    m_error.clear();
    Q_EMIT changed();
    return true;
}

bool Accounts::remove(const QString &id)
{
    QList<Types::AccountSettings> all = m_settings.accounts();
    const qsizetype removed = all.removeIf([&](const auto &a) { return a.id == id; });
    if (id.isEmpty() || removed == 0)
        return refuse(tr("There is no such account (it may have been removed meanwhile)."));
    m_settings.setAccounts(all);
    m_settings.sync();
    m_error.clear();
    Q_EMIT changed();
    removePassword(id);
    return true;
}

void Accounts::readPassword(const QString &id)
{
    ++m_inFlight;
    m_secrets->read(keyFor(id));
}

void Accounts::writePassword(const QString &id, const QString &password)
{
    ++m_inFlight;
    m_secrets->write(keyFor(id), password);
}

void Accounts::writeSmtpPassword(const QString &id, const QString &password)
{
    Types::AccountSettings account;
    account.id = id;
    account.smtpSeparatePassword = true;
    ++m_inFlight;
    m_secrets->write(SecretStore::smtpKey(account), password);
}

void Accounts::removePassword(const QString &id)
{
    ++m_inFlight;
    m_secrets->remove(keyFor(id));
}

QString Accounts::keyFor(const QString &id) const
{
    return keyOf(id);
}

QString Accounts::idForKey(const QString &key) const
{
    return key.startsWith(keyPrefix) ? key.mid(keyPrefix.size()) : key;
}

} // namespace Client
