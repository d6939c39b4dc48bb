// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Acting on modal dialogs from a test: exec() blocks the code that opened the dialog, so the
// test arms a poll first and the poll acts once the dialog of that type is shown. Header-only.

#include <QApplication>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace TestSupport {

class ModalGuards
{
public:
    ~ModalGuards() { drop(); }

    // Acts on the next modal dialog of type Dialog once it is visible.
    template<class Dialog>
    void whenModal(QObject *owner, std::function<void(Dialog *)> act)
    {
        auto *poll = new QTimer(owner);
        poll->setInterval(20);
        QObject::connect(poll, &QTimer::timeout, owner, [poll, act] {
            auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible())
                return;
            poll->stop();
            poll->deleteLater();
            act(dialog);
        });
        poll->start();
        m_polls << poll;
    }

    // Polls that never fired (guards against a dialog that must not come).
    void drop()
    {
        for (const QPointer<QTimer> &poll : std::as_const(m_polls))
            delete poll.data();
        m_polls.clear();
    }

private:
    QList<QPointer<QTimer>> m_polls;
};

} // namespace TestSupport
