// SPDX-License-Identifier: GPL-3.0-or-later
// The Windows branch of src/core/platform, compiled here with TIDINGS_PORTABILITY_CHECK against
// the stub headers of stubs/ and run against their fakes: which Win32 calls it makes, with
// which paths (UTF-16 on Windows, the same text here), flags and SDDL, how errors map to kinds,
// and that every handle and LocalAlloc'ed block it takes is given back.
#include "currentuser.h"
#include "durablefile.h"
#include "filelimit.h"
#include "interrupt.h"
#include "owneronly.h"
#include "syserror.h"
#include "terminal.h"
#include "windowsdetail_p.h"

#include "stubs/fakewin.h"

#include <QTest>

#ifndef TIDINGS_PORTABILITY_CHECK
#error "built without the Windows branch"
#endif

using Platform::SysError;
using Kind = Platform::SysError::Kind;

class TestWindowsBranch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { FakeWin::reset(); }

    void errorKinds_data()
    {
        QTest::addColumn<unsigned long>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("success") << 0ul << int(Kind::None);
        QTest::newRow("file not found") << 2ul << int(Kind::NotFound);
        QTest::newRow("path not found") << 3ul << int(Kind::NotFound);
        QTest::newRow("access denied") << 5ul << int(Kind::AccessDenied);
        QTest::newRow("sharing violation") << 32ul << int(Kind::AccessDenied);
        QTest::newRow("not same device") << 17ul << int(Kind::CrossDevice);
        QTest::newRow("handle disk full") << 39ul << int(Kind::DiskFull);
        QTest::newRow("disk full") << 112ul << int(Kind::DiskFull);
        QTest::newRow("invalid parameter") << 87ul << int(Kind::Other);
    }

    void errorKinds()
    {
        QFETCH(unsigned long, code);
        QFETCH(int, kind);
        const SysError e = SysError::fromWindows(code);
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(bool(e), kind != int(Kind::None));
        QCOMPARE(e.windows, code != 0);
    }

    void lastIsGetLastError()
    {
        FakeWin::state().moveError = 112; // ERROR_DISK_FULL, left by the failing call
        QVERIFY(Platform::renameReplacing("C:/a", "C:/b"));
        const SysError e = SysError::last();
        QCOMPARE(int(e.kind), int(Kind::DiskFull));
        QVERIFY(e.windows);
    }

    void renameSendsTheWholeNameAndReplaces()
    {
        // Umlauts and Chinese: a code page would lose them, UTF-16 must not.
        const std::filesystem::path from = u8"C:/Users/Jörg/Mail/tmp/邮件 1";
        const std::filesystem::path to = u8"C:/Users/Jörg/Mail/new/邮件 1";
        QVERIFY(!Platform::renameReplacing(from, to));
        QCOMPARE(FakeWin::state().moves.size(), size_t(1));
        QVERIFY(FakeWin::state().moves[0].first == L"C:/Users/J\u00f6rg/Mail/tmp/\u90ae\u4ef6 1");
        QVERIFY(FakeWin::state().moves[0].second == L"C:/Users/J\u00f6rg/Mail/new/\u90ae\u4ef6 1");
        // Replacing as rename(2) does, on disk when it returns, never silently copying.
        QCOMPARE(FakeWin::state().moveFlags, 0x1ul | 0x8ul);
    }

    void renameAcrossVolumesIsCrossDevice()
    {
        FakeWin::state().moveError = 17; // ERROR_NOT_SAME_DEVICE
        const SysError e = Platform::renameReplacing("C:/a", "D:/b");
        QCOMPARE(e.kind, Kind::CrossDevice);
        QCOMPARE(e.code, 17);
    }

    void syncFilesFlushesEachAndClosesEach()
    {
        QVERIFY(!Platform::syncFiles({"C:/m/tmp/1", "C:/m/tmp/2", "C:/m/tmp/3"}));
        const FakeWin::State &s = FakeWin::state();
        QCOMPARE(s.createdFiles.size(), size_t(3));
        QVERIFY(s.createdFiles[2] == L"C:/m/tmp/3");
        for (const unsigned long access : s.createAccess)
            QCOMPARE(access, 0x40000000ul); // FlushFileBuffers needs GENERIC_WRITE
        QCOMPARE(s.flushedHandles, 3);
        QCOMPARE(s.openHandles, 0);
    }

    void syncFilesStopsAtTheFirstFailure()
    {
        FakeWin::state().createFileFailsOnCall = 2;
        const SysError e = Platform::syncFiles({"C:/m/tmp/1", "C:/m/tmp/2", "C:/m/tmp/3"});
        QCOMPARE(e.kind, Kind::AccessDenied);
        QCOMPARE(FakeWin::state().flushedHandles, 1);
        QCOMPARE(FakeWin::state().openHandles, 0);
    }

    void syncFileFlushesTheDescriptorsHandle()
    {
        QVERIFY(!Platform::syncFile(7));
        QCOMPARE(FakeWin::state().osHandleLookups, std::vector<int>{7});
        QCOMPARE(FakeWin::state().flushedHandles, 1);
        QCOMPARE(Platform::syncFile(-1).kind, Kind::Other); // EBADF, nothing flushed
        QCOMPARE(FakeWin::state().flushedHandles, 1);
    }

    void syncDirectoryAsksNothing()
    {
        QVERIFY(!Platform::syncDirectory("C:/m/new"));
        QVERIFY(FakeWin::state().createdFiles.empty());
        QCOMPARE(FakeWin::state().flushedHandles, 0);
    }

    void currentUserIsTheTokensSid()
    {
        QCOMPARE(Platform::currentUserKey(),
                 std::string("S-1-5-21-1004336348-1177238915-682003330-1001"));
        QCOMPARE(FakeWin::state().openHandles, 0);
        QCOMPARE(FakeWin::state().liveLocalAllocations, 0);
    }

    void anotherUsersFolderIsRefused()
    {
        QVERIFY(!Platform::ownedByAnotherUser("C:/Users/me/runtime"));
        FakeWin::state().ownerSid = L"S-1-5-21-1004336348-1177238915-682003330-1002";
        QVERIFY(Platform::ownedByAnotherUser("C:/Temp/shared"));
        FakeWin::state().getNamedSecurityError = 2; // gone: not someone else's
        QVERIFY(!Platform::ownedByAnotherUser("C:/Temp/gone"));
        QCOMPARE(FakeWin::state().liveLocalAllocations, 0);
        QCOMPARE(FakeWin::state().openHandles, 0);
    }

    void ownerOnlyFolderIsAProtectedDaclForTheUser()
    {
        QVERIFY(
            !Platform::restrictToOwner(u8"C:/Users/Jörg/Tidings/logs", Platform::Entry::Folder));
        const FakeWin::State &s = FakeWin::state();
        QVERIFY(s.descriptorSddl ==
                L"D:P(A;OICI;FA;;;S-1-5-21-1004336348-1177238915-682003330-1001)"
                L"(A;OICI;FA;;;SY)");
        QVERIFY(s.securedPath == L"C:/Users/J\u00f6rg/Tidings/logs");
        QCOMPARE(s.securedWhat, 0x4ul | 0x80000000ul); // DACL, protected from inheritance
        QVERIFY(s.securedWithDacl);
        QCOMPARE(s.liveLocalAllocations, 0);
        QCOMPARE(s.openHandles, 0);
    }

    void ownerOnlyFileInheritsNothingFurther()
    {
        QVERIFY(!Platform::restrictToOwner("C:/t/a.log", Platform::Entry::File));
        QVERIFY(FakeWin::state().descriptorSddl ==
                L"D:P(A;;FA;;;S-1-5-21-1004336348-1177238915-682003330-1001)(A;;FA;;;SY)");
    }

    void ctrlCRaisesTheFlagUntilTheGuardGoes()
    {
        std::atomic_bool flag{false};
        {
            const Platform::InterruptGuard guard(flag);
            QCOMPARE(FakeWin::raiseConsoleEvent(0), 1); // CTRL_C_EVENT: handled, not ended
            QVERIFY(flag.load());
            flag = false;
            QCOMPARE(FakeWin::raiseConsoleEvent(1), 1); // Ctrl+Break
            QVERIFY(flag.load());
            flag = false;
            QCOMPARE(FakeWin::raiseConsoleEvent(2), 0); // closing: flag, then Windows ends it
            QVERIFY(flag.load());
        }
        QCOMPARE(FakeWin::raiseConsoleEvent(0), -1); // handler removed
    }

    void consoleEventsNotOursAreLeftAlone()
    {
        const auto action = Platform::WindowsDetail::consoleAction(42);
        QVERIFY(!action.raiseFlag);
        QVERIFY(!action.handled);
    }

    void fileLimitRaisesTheStdioStreams()
    {
        const Platform::FileLimit limit = Platform::raiseOpenFileLimit();
        QCOMPARE(limit.before, 512);
        QCOMPARE(limit.after, Platform::kWindowsStdioStreams);
        QCOMPARE(Platform::raiseOpenFileLimit().after, Platform::kWindowsStdioStreams);
        QCOMPARE(FakeWin::state().setMaxStdioCalls, 1); // already there: not asked again
    }

    void colourOnlyWhereTheConsoleTakesEscapes()
    {
        QVERIFY(Platform::stdoutShowsAnsiColour());
        QCOMPARE(FakeWin::state().consoleMode, 0x3ul | 0x4ul); // virtual terminal turned on
        FakeWin::reset();
        FakeWin::state().consoleAcceptsVirtualTerminal = false; // an old console
        QVERIFY(!Platform::stdoutShowsAnsiColour());
        FakeWin::reset();
        FakeWin::state().stdoutIsConsole = false; // a pipe
        QVERIFY(!Platform::stdoutShowsAnsiColour());
    }
};

QTEST_GUILESS_MAIN(TestWindowsBranch)
#include "tst_windowsbranch.moc"
