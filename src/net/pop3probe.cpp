// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3probe.h"

#include "pop3session.h"

using namespace Qt::StringLiterals;

namespace Net {

namespace {

// Follows the conversation to know which step it is in: vmime does greeting,
// CAPA and login in one call.
struct StepTracker
{
    explicit StepTracker(const std::function<void(ProbeStep)> &n)
        : notify(n)
    {}
    const std::function<void(ProbeStep)> &notify;
    ProbeStep step = ProbeStep::Connect;
    QString firstServerLine;
    QStringList capabilitiesBeforeLogin;
    bool inCapa = false;
    QString loginMethod;

    void enter(ProbeStep next)
    {
        if (next <= step)
            return;
        step = next;
        if (notify)
            notify(step);
    }
    void line(const QString &line)
    {
        const bool sent = line.startsWith(u"C: "_s);
        const QString text = line.mid(3);
        if (!sent && firstServerLine.isEmpty())
            firstServerLine = text;
        if (sent) {
            inCapa = text.compare(u"CAPA"_s, Qt::CaseInsensitive) == 0 && step < ProbeStep::Login;
            if (inCapa)
                enter(ProbeStep::Capabilities);
            const QString verb = text.section(u' ', 0, 0).toUpper();
            if (step < ProbeStep::Done &&
                (verb == u"USER"_s || verb == u"APOP"_s || verb == u"AUTH"_s)) {
                loginMethod = verb == u"AUTH"_s ? u"SASL "_s + text.section(u' ', 1, 1) : verb;
                enter(ProbeStep::Login);
            }
            return;
        }
        if (inCapa) {
            if (text == u"."_s)
                inCapa = false;
            else if (!text.startsWith(u"+OK"_s) && !text.startsWith(u"-ERR"_s))
                capabilitiesBeforeLogin << text;
        }
    }
};

} // namespace

Pop3ProbeResult probePop3(const Pop3Account &given, const std::function<void(ProbeStep)> &step,
                          const std::atomic_bool *cancel)
{
    Pop3ProbeResult result;
    StepTracker tracker(step);
    if (step)
        step(ProbeStep::Connect);
    if ((result.error = refusePlainPassword(given)).kind != Pop3ErrorKind::None) {
        result.failedStep = ProbeStep::Login;
        return result;
    }
    Pop3Account account = given;
    account.trace = [&tracker, previous = given.trace](const QString &line) {
        tracker.line(line);
        if (previous)
            previous(line);
    };
    SocketSettings socket = socketSettings(account, cancel);
    const bool tls = account.server.security != Types::MailSecurity::None;
    socket.stage = [&](SocketStage stage) {
        if (stage == SocketStage::Connected)
            tracker.enter(tls ? ProbeStep::Tls : ProbeStep::Capabilities);
        else
            tracker.enter(ProbeStep::Capabilities);
    };
    result.error = runClassified(socket, [&] {
        Pop3Session session;
        openSession(session, account, socket);
        result.capabilities = session.capabilities;
        tracker.step = ProbeStep::Done; // logged in: what follows is no step of the test
        try { // logged in is what was asked; a QUIT that goes wrong changes nothing of that
            session.wire->exec({"QUIT", false, 0});
            session.wire->close();
        } catch (const std::exception &) {
        }
    });
    const SocketReport &report = *socket.report;
    result.encrypted = report.encrypted;
    result.greeting =
        report.greeting.isEmpty() ? tracker.firstServerLine : QString::fromUtf8(report.greeting);
    result.loginMethod = tracker.loginMethod;
    if (result.ok()) {
        if (step)
            step(ProbeStep::Done);
        return result;
    }
    result.failedStep =
        result.error.kind == Pop3ErrorKind::Certificate ? ProbeStep::Tls : tracker.step;
    if (result.capabilities.isEmpty())
        result.capabilities = tracker.capabilitiesBeforeLogin;
    if (result.error.kind == Pop3ErrorKind::Certificate) {
        result.untrustedCertificate = report.certificate;
        result.pinnedSha256 = report.pinnedSha256;
        result.tlsProblems = report.tlsProblems;
    }
    return result;
}

} // namespace Net
