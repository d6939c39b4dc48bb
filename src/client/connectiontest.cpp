// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontest.h"

#include "client/settingsstore.h"

#include <QCryptographicHash>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Client {

struct ConnectionTest::Worker
{
};

ConnectionTest::ConnectionTest(Client::SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    qRegisterMetaType<Client::ConnectionTestResult>();
}

ConnectionTest::~ConnectionTest() = default;

bool ConnectionTest::isRunning() const
{
    return m_worker != nullptr;
}

void ConnectionTest::start(const Types::AccountSettings &account, const QString &password)
{
    Q_UNUSED(account)
    Q_UNUSED(password)
    // The implementation follows; the API is what the dialog codes against.
    QTimer::singleShot(0, this, [this] {
        ConnectionTestResult result;
        result.failedStep = Step::Connect;
        result.error = {SyncErrorKind::Connection, {}, u"not implemented yet"_s};
        Q_EMIT finished(result);
    });
}

void ConnectionTest::cancel() {}

void ConnectionTest::trustCertificate(const Client::CertificateQuestion &question)
{
    m_settings.pinCertificate(u"pop3"_s, question.host, question.port,
                              question.certificate.digest(QCryptographicHash::Sha256));
    m_settings.sync();
}

} // namespace Client
