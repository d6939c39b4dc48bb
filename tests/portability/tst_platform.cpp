// SPDX-License-Identifier: GPL-3.0-or-later
// src/core/platform on the system it is built for: files really made durable and moved, modes
// really tightened, the real user, real signals (console events on Windows are checked through
// the stubs, tst_windowsbranch). On Linux this is the POSIX branch; on Windows the Win32 one.
#include "platform/currentuser.h"
#include "platform/durablefile.h"
#include "platform/filelimit.h"
#include "platform/interrupt.h"
#include "platform/owneronly.h"
#include "platform/qtpath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using Kind = Platform::SysError::Kind;

class TestPlatform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renameReplacesAndKeepsTheName()
    {
        QTemporaryDir dir;
        const QString from = dir.filePath(u"tmp 邮件 Grüße"_s);
        const QString to = dir.filePath(u"new 邮件 Grüße"_s);
        write(from, "new");
        write(to, "old");
        QVERIFY(!Platform::renameReplacing(Platform::toPath(from), Platform::toPath(to)));
        QVERIFY(!QFile::exists(from));
        QCOMPARE(read(to), QByteArray("new"));
    }

#ifdef Q_OS_LINUX
    void aFullDiskSeenThroughQFileIsDiskFull()
    {
        // What the store relies on: QFile reports text only, the system's code is still there.
        QFile full(u"/dev/full"_s);
        QVERIFY(full.open(QIODevice::WriteOnly));
        const QByteArray data(64 << 10, 'x');
        const bool failed = full.write(data) != data.size() || !full.flush();
        const Platform::SysError e = Platform::SysError::last();
        QVERIFY(failed);
        QCOMPARE(int(e.kind), int(Kind::DiskFull));
    }
#endif

    void renameOfNothingIsNotFound()
    {
        QTemporaryDir dir;
        const Platform::SysError e = Platform::renameReplacing(
            Platform::toPath(dir.filePath(u"absent"_s)), Platform::toPath(dir.filePath(u"x"_s)));
        QCOMPARE(e.kind, Kind::NotFound);
        QVERIFY(!e.message().empty());
    }

    void syncsSucceedOnWrittenFiles()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(u"a"_s);
        const QString b = dir.filePath(u"b"_s);
        QFile file(a);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("mail");
        QVERIFY(file.flush());
        QVERIFY(!Platform::syncFile(file.handle()));
        file.close();
        write(b, "more");
        QVERIFY(!Platform::syncFiles({Platform::toPath(a), Platform::toPath(b)}));
        QVERIFY(!Platform::syncFiles({}));
        QVERIFY(!Platform::syncDirectory(Platform::toPath(dir.path())));
    }

    void syncOfAMissingFileFails()
    {
        QTemporaryDir dir;
        QCOMPARE(Platform::syncFiles({Platform::toPath(dir.filePath(u"absent"_s))}).kind,
                 Kind::NotFound);
        QVERIFY(Platform::syncFile(-1));
    }

    void ownerOnlyTightensWhatExists()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"logs"_s);
        const QString file = dir.filePath(u"a.log"_s);
        QVERIFY(QDir().mkdir(folder));
        write(file, "x");
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                        QFile::ReadOther);
        QVERIFY(!Platform::restrictToOwner(Platform::toPath(folder), Platform::Entry::Folder));
        QVERIFY(!Platform::restrictToOwner(Platform::toPath(file), Platform::Entry::File));
#ifdef Q_OS_UNIX
        QCOMPARE(mode(folder), 0700u);
        QCOMPARE(mode(file), 0600u);
#endif
        QVERIFY(Platform::restrictToOwner(Platform::toPath(dir.filePath(u"absent"_s)),
                                          Platform::Entry::File));
    }

    void currentUserIsStable()
    {
        const std::string key = Platform::currentUserKey();
        QVERIFY(!key.empty());
        QCOMPARE(Platform::currentUserKey(), key);
#ifdef Q_OS_UNIX
        QCOMPARE(key, std::to_string(::getuid()));
#else
        QVERIFY(key.rfind("S-1-", 0) == 0);
#endif
    }

    void ownFilesAreNotAnotherUsers()
    {
        QTemporaryDir dir;
        QVERIFY(!Platform::ownedByAnotherUser(Platform::toPath(dir.path())));
        QVERIFY(!Platform::ownedByAnotherUser(Platform::toPath(dir.filePath(u"absent"_s))));
#ifdef Q_OS_UNIX
        // Another user's: as root, give one away; otherwise / is root's.
        if (::getuid() == 0) {
            const QString given = dir.filePath(u"given"_s);
            write(given, "x");
            QCOMPARE(::chown(QFile::encodeName(given).constData(), 65534, 65534), 0);
            QVERIFY(Platform::ownedByAnotherUser(Platform::toPath(given)));
        } else {
            QVERIFY(Platform::ownedByAnotherUser("/"));
        }
#endif
    }

#ifdef Q_OS_UNIX
    void signalsRaiseTheFlagUntilTheGuardGoes()
    {
        struct sigaction before
        {
        };
        sigaction(SIGINT, nullptr, &before);
        std::atomic_bool flag{false};
        {
            const Platform::InterruptGuard guard(flag);
            std::raise(SIGINT);
            QVERIFY(flag.load());
            flag = false;
            std::raise(SIGTERM);
            QVERIFY(flag.load());
        }
        struct sigaction after
        {
        };
        sigaction(SIGINT, nullptr, &after);
        QVERIFY(after.sa_handler == before.sa_handler); // put back
    }

    void fileLimitReachesTheHardLimit()
    {
        rlimit limit{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 256);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
        const Platform::FileLimit raised = Platform::raiseOpenFileLimit();
        QCOMPARE(raised.before, static_cast<long long>(limit.rlim_cur));
        QCOMPARE(raised.after, static_cast<long long>(limit.rlim_max));
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
        QCOMPARE(limit.rlim_cur, limit.rlim_max);
    }
#else
    void fileLimitRaisesTheStdioStreams()
    {
        const Platform::FileLimit raised = Platform::raiseOpenFileLimit();
        QCOMPARE(raised.after, Platform::kWindowsStdioStreams);
    }
#endif

private:
    static void write(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
#ifdef Q_OS_UNIX
    static unsigned mode(const QString &path)
    {
        struct stat info
        {
        };
        ::stat(QFile::encodeName(path).constData(), &info);
        return info.st_mode & 07777;
    }
#endif
};

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"
