// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/protocollog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {
// The POSIX mode bits, as ls shows them (-1 when there is no such path).
int modeOf(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}
} // namespace

class TestProtocolLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsAccountsApartAndPrivate()
    {
        QTemporaryDir dir;
        Store::ProtocolLog alice(dir.path(), u"alice@pop.example.org:995"_s);
        Store::ProtocolLog bob(dir.path(), u"bob/../../x@pop.example.org:995"_s);
        alice.append(u"C: CAPA"_s);
        bob.append(u"C: UIDL"_s);
        QVERIFY(alice.path() != bob.path());
        QCOMPARE(QFileInfo(bob.path()).dir().path(),
                 dir.path() + u"/logs"_s); // the name cannot escape
        QVERIFY(alice.read().endsWith(u" C: CAPA\n"_s));
        QVERIFY(!alice.read().contains(u"UIDL"_s));
        QCOMPARE(QFile::permissions(alice.path()) & 0x0077, QFile::Permissions()); // owner only
    }

    // Issue 10, item 11: private from the start, not chmod'ed after. With umask 0 a folder made
    // with the default mode is 0777 until someone tightens it.
    void folderAndFilesArePrivateFromTheStart()
    {
        QTemporaryDir dir;
        const mode_t old = ::umask(0);
        auto restore = qScopeGuard([old] { ::umask(old); });
        const QString store = dir.path() + u"/new-store"_s; // the store folder does not exist yet
        Store::ProtocolLog log(store, u"alice@pop.example.org:995"_s);
        QCOMPARE(modeOf(store + u"/logs"_s), 0700); // before any line
        log.append(u"C: CAPA"_s);
        QCOMPARE(modeOf(log.path()), 0600);
    }

    void anOlderFolderIsTightened()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(u"logs"_s));
        QVERIFY(::chmod(QFile::encodeName(dir.path() + u"/logs"_s).constData(), 0755) == 0);
        Store::ProtocolLog log(dir.path(), u"a@b:110"_s);
        QCOMPARE(modeOf(dir.path() + u"/logs"_s), 0700);
    }

    void staysBoundedAndKeepsTheNewestLines()
    {
        QTemporaryDir dir;
        const qint64 limit = 4096;
        {
            Store::ProtocolLog log(dir.path(), u"a@b:110"_s, limit);
            for (int i = 0; i < 2000; ++i)
                log.append(u"S: +OK line %1 of the conversation"_s.arg(i));
        }
        Store::ProtocolLog log(dir.path(), u"a@b:110"_s, limit);
        const qint64 current = QFileInfo(log.path()).size();
        const qint64 older = QFileInfo(log.path() + u".1"_s).size();
        QVERIFY2(current <= limit + 200 && older <= limit + 200,
                 qPrintable(u"%1 %2"_s.arg(current).arg(older)));
        const QString text = log.read();
        QVERIFY(text.trimmed().endsWith(u"line 1999 of the conversation"_s));
        QVERIFY(!text.contains(u"line 0 of"_s));
        // Oldest first: the rotated part comes before the current one.
        QVERIFY(text.indexOf(u"line 1998 "_s) < text.indexOf(u"line 1999 "_s));
    }
};

QTEST_GUILESS_MAIN(TestProtocolLog)
#include "tst_protocollog.moc"
