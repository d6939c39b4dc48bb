// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/pop3sync.h"
#include "store/messagestore.h"

namespace Client {

// The local store as the destination of a POP3 sync (net knows only Pop3Sink).
class StoreSink : public Net::Pop3Sink
{
public:
    explicit StoreSink(Store::MessageStore &store)
        : m_store(store)
    {
    }
    QHash<QString, Types::StoredState> states(const QString &account) const override
    {
        return m_store.states(account);
    }
    bool addHeaders(const QString &account, const QString &uidl, qint64 size, const QByteArray &header,
                    QString *error, const Types::MessageSummary &summary) override
    {
        return m_store.addHeaders(account, uidl, size, header, error, summary);
    }
    bool add(const QString &account, const QString &uidl, const QByteArray &message, QString *error,
             const Types::MessageSummary &summary) override
    {
        return !m_store.add(account, uidl, message, error, summary).isEmpty();
    }
    void beginGroup() override { m_store.beginGroup(); }
    bool commitGroup(QString *error) override { return m_store.commitGroup(error); }
    int pendingInGroup() const override { return m_store.pendingInGroup(); }
    void forgetMissing(const QString &account, const QSet<QString> &onServer) override
    {
        m_store.forgetMissing(account, onServer);
    }
    QString directory() const override { return m_store.maildir(); }

private:
    Store::MessageStore &m_store;
};

} // namespace Client
