// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QPlainTextEdit;
class QPushButton;

namespace Client {
class ProtocolLogFeed;
class SyncController;
} // namespace Client

namespace Gui {

// Tools > Protocol Log: the recorded (already redacted) conversation of one account with its
// server, then each new line while a sync of that account runs. Copy All, and Clear (the
// view only: the log file stays, and reopening the account shows it again).
class ProtocolLogWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ProtocolLogWindow(const QString &storeDirectory, QWidget *parent = nullptr);
    ~ProtocolLogWindow() override;

    // The accounts in the combo; keeps the shown account when it is still there.
    void setAccounts(const QList<Types::AccountSettings> &accounts);
    // Live lines come from the syncs this controller runs (any number of controllers).
    void follow(const Client::SyncController *controller);
    // Shows that account's log (by Types::AccountSettings::id, see ProtocolLogFeed::logId).
    void showAccount(const QString &accountId);
    QString currentAccountId() const;

    // What the view shows (tests, Copy All).
    QString text() const;
    void setText(const QString &text);
    void appendLine(const QString &line);
    void clearView();
    void copyAll();

private:
    void loadCurrentAccount();

    QString m_storeDirectory;
    QComboBox *m_accountCombo = nullptr;
    QPlainTextEdit *m_view = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    Client::ProtocolLogFeed *m_feed = nullptr; // of the shown account
    QList<QPointer<const Client::SyncController>> m_controllers;
};

} // namespace Gui
