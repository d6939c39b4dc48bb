// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringListModel>

#include <memory>
#include <utility>

class QThread;

namespace Client {

// The addresses seen in the store (senders and recipients) as "Name <addr>", most frequent
// first, for the compose window's completer (QCompleter on this model). One address once (its
// most used form with a name, else the bare address); counted by SQLite in one grouped query on a
// worker thread.
class AddressBook : public QStringListModel
{
    Q_OBJECT
public:
    explicit AddressBook(QObject *parent = nullptr);
    ~AddressBook() override; // waits for a load in flight

    // Reads the store in storeDirectory (SettingsStore::mailDirectory()) in the background;
    // loaded() when the list is in the model. A load while one runs is done after it.
    void load(const QString &storeDirectory);
    bool isLoading() const { return m_thread != nullptr; }

    // The ranking itself (pure): index texts ("Ann <a@x>, b@y" as the store keeps sender and
    // recipients) with how often each occurs, into one entry per address, most frequent first,
    // ties in alphabetical order.
    static QStringList rank(const QList<std::pair<QString, int>> &texts);

Q_SIGNALS:
    void loaded(int count);

private:
    void onLoaded();

    QThread *m_thread = nullptr;
    std::shared_ptr<QStringList> m_result;
    QString m_again; // a load asked for while one ran
};

} // namespace Client
