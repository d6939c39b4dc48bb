// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: renders the Account Settings dialog in known states for review.
// accountsettingsscreenshot OUTPUT_PREFIX  ->  PREFIX-account.png, PREFIX-found.png,
// PREFIX-download.png
#include "client/accountdetector.h"
#include "client/accounts.h"
#include "client/settingsstore.h"
#include "gui/accountsettingsdialog.h"

#include <QApplication>
#include <QEventLoop>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 2)
        return 2;
    const QString prefix = QString::fromLocal8Bit(argv[1]);
    QTemporaryDir dir;
    Client::SettingsStore settings(Common::Profile::at(dir.path()));
    Types::AccountSettings work;
    work.name = u"Work"_s;
    work.email = u"alice@example.org"_s;
    work.displayName = u"Alice Liddell"_s;
    work.host = u"pop.example.org"_s;
    work.user = u"alice"_s;
    work.deleteAfterDays = 30;
    Types::AccountSettings home = work;
    home.name = u"Home"_s;
    home.email = u"alice@home.example"_s;
    home.host = u"mail.home.example"_s;
    home.security = Types::MailSecurity::StartTls;
    home.port = 110;
    settings.setAccounts({work, home});
    Client::Accounts accounts(settings);

    Gui::AccountSettingsDialog dialog(accounts);
    dialog.show();
    dialog.resize(dialog.sizeHint());
    auto settle = [] {
        QEventLoop loop;
        QTimer::singleShot(300, &loop, &QEventLoop::quit);
        loop.exec();
    };
    settle();
    dialog.grab().save(prefix + u"-account.png"_s);

    // "Find Settings" for an address whose servers do not answer: what the user reads then.
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost);
    const quint16 port = closed.serverPort();
    closed.close();
    dialog.detector().setPorts(port, port);
    dialog.detector().setHostAddresses({{u"pop.example.org"_s, QHostAddress::LocalHost},
                                        {u"mail.example.org"_s, QHostAddress::LocalHost}});
    QEventLoop found;
    QObject::connect(&dialog, &Gui::AccountSettingsDialog::settingsFound, &found,
                     &QEventLoop::quit);
    dialog.findChild<QPushButton *>(u"findButton"_s)->click();
    found.exec();
    dialog.resize(dialog.sizeHint());
    settle();
    dialog.grab().save(prefix + u"-found.png"_s);

    dialog.findChild<QTabWidget *>(u"tabs"_s)->setCurrentIndex(1);
    settle();
    dialog.grab().save(prefix + u"-download.png"_s);
    return 0;
}
