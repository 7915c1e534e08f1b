// SPDX-License-Identifier: GPL-3.0-or-later
// The one model of check results and its views: structure and live updates of ReportModel, the
// problems filter, ReportView's tree (language switch, "Problems only", the width of the check
// column in German), the wizard's FindingList, and the waterfall's order.

#include "checks/check.h"
#include "findinglist.h"
#include "i18n.h"
#include "reportmodel.h"
#include "reportview.h"
#include "textformatter.h"
#include "waterfallwidget.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtTest>

#include "samplereport.h"

using gjd::Finding;
using gjd::ReportModel;
using gjd::Status;

namespace {

Finding finding(const QString& id, Status status, const QString& summary = QStringLiteral("summary"),
                const QString& remedy = QString())
{
    Finding f;
    f.id = id;
    const gjd::Check* check = gjd::findCheck(id);
    f.category = check ? check->category() : QStringLiteral("future");
    f.title = check ? check->title() : QStringLiteral("A check from the future");
    f.status = status;
    f.summary = summary;
    f.remedy = remedy;
    f.durationMs = 12;
    return f;
}

// Every check row of a view's model, depth first: id → display text of `column`.
QHash<QString, QString> rowsOf(const QAbstractItemModel* model, int column,
                               const QModelIndex& parent = QModelIndex())
{
    QHash<QString, QString> out;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        if (index.data(ReportModel::IsGroupRole).toBool()) {
            out.insert(rowsOf(model, column, index));
            continue;
        }
        out.insert(index.data(ReportModel::CheckIdRole).toString(),
                   model->index(r, column, parent).data().toString());
    }
    return out;
}

QStringList topLevelIds(const QAbstractItemModel* model)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out.append(model->index(r, 0).data(ReportModel::CheckIdRole).toString());
    return out;
}

const QStringList kIds{QStringLiteral("dns.resolve"), QStringLiteral("tcp.connect"),
                       QStringLiteral("tls.handshake"), QStringLiteral("tls.chain.complete"),
                       QStringLiteral("connect.descriptor")};

} // namespace

class TestReportModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void structureFollowsTheCatalogue();
    void liveUpdates();
    void reportWithUnknownChecks();
    void flatModelKeepsTheGivenOrder();
    void problemsOnlyHidesTheRestAndEmptyGroups();
    void languageSwitchRetranslatesTheTree();
    void germanCheckColumnIsNotCut();
    void reportViewProblemsOnlyAndWaitingText();
    void findingListShowsFindingsAndFixes();
    void findingListLiveAndHeight();
    void waterfallInStartOrder();
};

void TestReportModel::init()
{
    gjd::installTranslations(*qApp, QStringLiteral("en"));
}

void TestReportModel::cleanup()
{
    gjd::installTranslations(*qApp, QStringLiteral("en"));
}

void TestReportModel::structureFollowsTheCatalogue()
{
    ReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks(kIds);
    // Categories in the catalogue's display order, each check under its own.
    QStringList expectedGroups;
    for (const QString& category : gjd::Categories::ids()) {
        for (const QString& id : kIds) {
            if (gjd::findCheck(id)->category() == category && !expectedGroups.contains(category))
                expectedGroups.append(category);
        }
    }
    QCOMPARE(topLevelIds(&model), expectedGroups);
    int checks = 0;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        QVERIFY(group.data(ReportModel::IsGroupRole).toBool());
        QCOMPARE(group.data().toString(), gjd::Categories::title(expectedGroups.at(g)));
        QCOMPARE(group.data(Qt::FontRole).value<QFont>().bold(), true);
        for (int c = 0; c < model.rowCount(group); ++c) {
            const QModelIndex check = model.index(c, 0, group);
            const QString id = check.data(ReportModel::CheckIdRole).toString();
            QCOMPARE(gjd::findCheck(id)->category(), expectedGroups.at(g));
            QCOMPARE(check.data().toString(), gjd::findCheck(id)->title());
            QCOMPARE(model.index(c, ReportModel::StatusColumn, group).data().toString(),
                     QStringLiteral("waiting"));
            QCOMPARE(check.data(ReportModel::StateRole).toInt(), int(ReportModel::State::Waiting));
            QVERIFY(!check.data(ReportModel::StatusRole).isValid());
            QVERIFY(!check.data(Qt::DecorationRole).value<QIcon>().isNull());
            QCOMPARE(check.parent(), group);
            ++checks;
        }
    }
    QCOMPARE(checks, int(kIds.size()));
    QCOMPARE(model.headerData(ReportModel::TitleColumn, Qt::Horizontal).toString(), QStringLiteral("Check"));
    QCOMPARE(model.headerData(ReportModel::StatusColumn, Qt::Horizontal).toString(),
             QStringLiteral("Status"));
    QCOMPARE(model.headerData(ReportModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("Time"));
    QCOMPARE(int(ReportModel::CheckIdRole), int(gjd::ReportView::checkIdRole));
}

void TestReportModel::liveUpdates()
{
    ReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks(kIds);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QString id = QStringLiteral("tls.handshake");
    const QModelIndex status = model.indexOf(id, ReportModel::StatusColumn);

    model.markRunning(id);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.indexOf(id, 0));
    QCOMPARE(status.data().toString(), QStringLiteral("running"));
    QCOMPARE(model.state(id), ReportModel::State::Running);

    const QString waiting = QStringLiteral("TLS handshake with gitlab.example.com…");
    model.setWaitingFor(id, waiting);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(status.data(Qt::ToolTipRole).toString(), waiting);
    QCOMPARE(model.indexOf(id).data(ReportModel::WaitingForRole).toString(), waiting);
    QCOMPARE(model.indexOf(id, ReportModel::ResultColumn).data().toString(), waiting);
    QVERIFY(model.indexOf(id).data(Qt::ToolTipRole).toString().contains(waiting));
    model.setWaitingFor(id, waiting); // the same again: nothing to repaint
    QCOMPARE(changed.count(), 2);

    model.setFinding(finding(id, Status::Fail, QStringLiteral("handshake <failed>")));
    QCOMPARE(status.data().toString(), gjd::TextFormatter::statusTitle(Status::Fail));
    QCOMPARE(model.indexOf(id).data(ReportModel::StatusRole).toInt(), int(Status::Fail));
    QCOMPARE(model.indexOf(id, ReportModel::TimeColumn).data().toString(), QStringLiteral("12 ms"));
    QVERIFY(model.indexOf(id)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("handshake &lt;failed&gt;")));
    QCOMPARE(model.indexOf(id).data(Qt::AccessibleTextRole).toString(),
             gjd::findCheck(id)->title() + QStringLiteral(": ") +
                 gjd::TextFormatter::statusTitle(Status::Fail));
    QVERIFY(model.waitingFor(id).isEmpty());
    // A late word from a probe does not make it run again.
    model.setWaitingFor(id, waiting);
    QCOMPARE(model.state(id), ReportModel::State::Done);

    // Re-run: waiting again, the old finding kept (status role) until the new one.
    model.markWaiting({id});
    QCOMPARE(status.data().toString(), QStringLiteral("waiting"));
    QCOMPARE(model.indexOf(id).data(ReportModel::StatusRole).toInt(), int(Status::Fail));
    QVERIFY(model.indexOf(id, ReportModel::TimeColumn).data().toString().isEmpty());

    // Unknown ids change nothing.
    const int before = int(changed.count());
    model.markRunning(QStringLiteral("no.such"));
    model.setFinding(finding(QStringLiteral("no.such"), Status::Pass));
    QCOMPARE(changed.count(), before);
}

void TestReportModel::reportWithUnknownChecks()
{
    gjd::Report report = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    report.checks = {finding(QStringLiteral("tls.handshake"), Status::Pass),
                     finding(QStringLiteral("future.check"), Status::Warn),
                     finding(QStringLiteral("dns.resolve"), Status::Pass)};
    ReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(report);
    const QStringList groups = topLevelIds(&model);
    QCOMPARE(groups.constLast(), QStringLiteral("future")); // unknown categories last
    QCOMPARE(model.indexOf(QStringLiteral("future.check")).data().toString(),
             QStringLiteral("A check from the future"));
    QCOMPARE(model.indexOf(QStringLiteral("future.check"), ReportModel::StatusColumn).data().toString(),
             gjd::TextFormatter::statusTitle(Status::Warn));

    // The same checks again: the structure stays (no reset), the findings change.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    report.checks[0].status = Status::Fail;
    model.setReport(report);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.indexOf(QStringLiteral("tls.handshake")).data(ReportModel::StatusRole).toInt(),
             int(Status::Fail));
    // Other checks: rebuilt.
    report.checks.removeLast();
    model.setReport(report);
    QCOMPARE(reset.count(), 1);
    QVERIFY(!model.contains(QStringLiteral("dns.resolve")));
}

void TestReportModel::flatModelKeepsTheGivenOrder()
{
    ReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGrouped(false);
    model.setEntries({{QStringLiteral("tls.handshake"), QStringLiteral("tls"), QString()},
                      {QStringLiteral("dns.resolve"), QStringLiteral("network"), QString()}});
    QCOMPARE(topLevelIds(&model),
             (QStringList{QStringLiteral("tls.handshake"), QStringLiteral("dns.resolve")}));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QVERIFY(!model.index(0, 0).parent().isValid());
    model.setFinding(finding(QStringLiteral("dns.resolve"), Status::Pass));
    QCOMPARE(model.index(1, ReportModel::StatusColumn).data().toString(),
             gjd::TextFormatter::statusTitle(Status::Pass));
}

void TestReportModel::problemsOnlyHidesTheRestAndEmptyGroups()
{
    ReportModel model;
    gjd::ProblemsFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    gjd::Report report = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    report.checks = {finding(QStringLiteral("dns.resolve"), Status::Pass),
                     finding(QStringLiteral("tcp.connect"), Status::Info),
                     finding(QStringLiteral("tls.handshake"), Status::Fail),
                     finding(QStringLiteral("tls.chain.complete"), Status::Skip),
                     finding(QStringLiteral("connect.descriptor"), Status::Error),
                     finding(QStringLiteral("manual.inbound"), Status::Manual)};
    model.setReport(report);
    QCOMPARE(rowsOf(&filter, 0).size(), 6);
    filter.setProblemsOnly(true);
    const QHash<QString, QString> shown = rowsOf(&filter, 0);
    QCOMPARE(QSet<QString>(shown.keyBegin(), shown.keyEnd()),
             (QSet<QString>{QStringLiteral("tls.handshake"), QStringLiteral("connect.descriptor"),
                            QStringLiteral("manual.inbound")}));
    // The network category has no problem: gone, not an empty header.
    const QString network = gjd::findCheck(QStringLiteral("dns.resolve"))->category();
    QVERIFY(!topLevelIds(&filter).contains(network));
    QVERIFY(topLevelIds(&filter).contains(gjd::findCheck(QStringLiteral("tls.handshake"))->category()));

    // Live: a check that starts failing appears, with its category.
    model.setFinding(finding(QStringLiteral("dns.resolve"), Status::Warn));
    QVERIFY(topLevelIds(&filter).contains(network));
    QVERIFY(rowsOf(&filter, 0).contains(QStringLiteral("dns.resolve")));

    // Restricted to ids as well.
    filter.setIds({QStringLiteral("tls.handshake"), QStringLiteral("dns.resolve")});
    QCOMPARE(rowsOf(&filter, 0).size(), 2);
    filter.setProblemsOnly(false);
    filter.setIds({QStringLiteral("tcp.connect")});
    QCOMPARE(rowsOf(&filter, 0).keys(), QStringList{QStringLiteral("tcp.connect")});
    filter.clearIds();
    QCOMPARE(rowsOf(&filter, 0).size(), 6);
}

void TestReportModel::languageSwitchRetranslatesTheTree()
{
    gjd::ReportView view;
    view.show();
    view.setChecks(kIds);
    view.markRunning(QStringLiteral("tls.handshake"));
    view.setFinding(finding(QStringLiteral("dns.resolve"), Status::Pass));
    auto* tree = view.findChild<QTreeView*>(QStringLiteral("checkTree"));
    QVERIFY(tree);
    QCOMPARE(rowsOf(tree->model(), ReportModel::StatusColumn).value(QStringLiteral("tcp.connect")),
             QStringLiteral("waiting"));
    QSignalSpy changed(view.model(), &QAbstractItemModel::dataChanged);
    QSignalSpy headers(view.model(), &QAbstractItemModel::headerDataChanged);

    QVERIFY(gjd::installTranslations(*qApp, QStringLiteral("de")));
    QCoreApplication::processEvents();
    // The views asked again: the model said every row and header changed.
    QVERIFY(changed.count() >= 1);
    QVERIFY(headers.count() >= 1);
    const QHash<QString, QString> status = rowsOf(tree->model(), ReportModel::StatusColumn);
    QCOMPARE(status.value(QStringLiteral("tcp.connect")), QStringLiteral("wartet"));
    QCOMPARE(status.value(QStringLiteral("tls.handshake")), QStringLiteral("läuft"));
    QCOMPARE(status.value(QStringLiteral("dns.resolve")), gjd::TextFormatter::statusTitle(Status::Pass));
    QVERIFY(gjd::TextFormatter::statusTitle(Status::Pass) != QLatin1String("pass"));
    QCOMPARE(tree->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Prüfung"));
    // Titles and category headers come from the catalogue in the new language.
    const QModelIndex firstGroup = tree->model()->index(0, 0);
    QCOMPARE(firstGroup.data().toString(),
             gjd::Categories::title(firstGroup.data(ReportModel::CheckIdRole).toString()));
    QCOMPARE(rowsOf(tree->model(), 0).value(QStringLiteral("tls.handshake")),
             gjd::findCheck(QStringLiteral("tls.handshake"))->title());
    QCOMPARE(view.findChild<QCheckBox*>(QStringLiteral("problemsOnlyCheck"))->text().isEmpty(), false);

    gjd::installTranslations(*qApp, QStringLiteral("en"));
    QCoreApplication::processEvents();
    QCOMPARE(rowsOf(tree->model(), ReportModel::StatusColumn).value(QStringLiteral("tcp.connect")),
             QStringLiteral("waiting"));
}

void TestReportModel::germanCheckColumnIsNotCut()
{
    QVERIFY(gjd::installTranslations(*qApp, QStringLiteral("de")));
    QWidget window;
    window.resize(800, 600);
    auto* layout = new QVBoxLayout(&window);
    auto* view = new gjd::ReportView(&window);
    layout->addWidget(view);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList all;
    for (const auto& c : gjd::catalogue())
        all.append(c->id());
    view->setChecks(all);
    auto* tree = view->findChild<QTreeView*>(QStringLiteral("checkTree"));
    const QAbstractItemView* items = tree; // sizeHintForColumn is public there
    // Every title and category header fits its column: nothing is elided.
    QTRY_VERIFY(tree->header()->sectionSize(0) >= items->sizeHintForColumn(0));
    // The status column follows the check column, as wide as its longest word in German.
    QCOMPARE(tree->header()->visualIndex(ReportModel::StatusColumn), 1);
    for (Status status : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip,
                          Status::Manual, Status::Error})
        QVERIFY(tree->header()->sectionSize(ReportModel::StatusColumn) >
                tree->fontMetrics().horizontalAdvance(gjd::TextFormatter::statusTitle(status)));
    // And the tree got the width its columns need (the splitter gives it up to 62 %).
    const int needed =
        items->sizeHintForColumn(0) + items->sizeHintForColumn(1) + items->sizeHintForColumn(2);
    QTRY_VERIFY2(tree->viewport()->width() >= std::min(needed, view->width() * 62 / 100 - 40),
                 qPrintable(QStringLiteral("%1 < %2").arg(tree->viewport()->width()).arg(needed)));
}

void TestReportModel::reportViewProblemsOnlyAndWaitingText()
{
    gjd::ReportView view;
    view.show();
    view.setChecks(kIds);
    view.setRunning(true);
    auto* tree = view.findChild<QTreeView*>(QStringLiteral("checkTree"));
    auto* details = view.findChild<QTextBrowser*>(QStringLiteral("detailsView"));
    const QString id = QStringLiteral("connect.descriptor");
    QVERIFY(view.selectCheck(id));
    QCOMPARE(view.currentCheck(), id);
    view.markRunning(id);
    const QString waiting =
        QStringLiteral("Waiting for GET /-/jira_connect/app_descriptor.json on gitlab.example.com…");
    view.setWaitingFor(id, waiting);
    QCOMPARE(view.model()->waitingFor(id), waiting);
    QVERIFY2(view.detailsHtml(id).contains(waiting.toHtmlEscaped()), qPrintable(view.detailsHtml(id)));
    QVERIFY(details->toPlainText().contains(waiting)); // the details follow the row
    QCOMPARE(rowsOf(tree->model(), ReportModel::StatusColumn).value(id), QStringLiteral("running"));

    view.setFinding(finding(id, Status::Fail, QStringLiteral("no descriptor")));
    QVERIFY(details->toPlainText().contains(QStringLiteral("no descriptor")));
    view.setFinding(finding(QStringLiteral("dns.resolve"), Status::Pass));

    auto* problems = view.findChild<QCheckBox*>(QStringLiteral("problemsOnlyCheck"));
    QVERIFY(problems);
    problems->setChecked(true);
    QCOMPARE(rowsOf(tree->model(), 0).keys(), QStringList{id});
    QVERIFY(!view.selectCheck(QStringLiteral("dns.resolve"))); // hidden
    QVERIFY(view.selectCheck(id));
    problems->setChecked(false);
    QCOMPARE(rowsOf(tree->model(), 0).size(), int(kIds.size()));
    // Groups are open again after the filter brought them back.
    for (int g = 0; g < tree->model()->rowCount(); ++g)
        QVERIFY(tree->isExpanded(tree->model()->index(g, 0)));
}

void TestReportModel::findingListShowsFindingsAndFixes()
{
    QWidget page;
    auto* layout = new QVBoxLayout(&page);
    auto* list = new gjd::wizard::FindingList(&page, "verifyProblems");
    layout->addWidget(list);
    QLabel* detail = list->makeDetailLabel(&page);
    layout->addWidget(detail);
    list->retranslate();
    page.resize(800, 600);
    page.show();
    QCOMPARE(list->objectName(), QStringLiteral("verifyProblems"));
    QCOMPARE(detail->objectName(), QStringLiteral("findingDetail"));

    gjd::Report report = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    report.checks = {finding(QStringLiteral("dns.resolve"), Status::Pass),
                     finding(QStringLiteral("tcp.connect"), Status::Warn, QStringLiteral("Port 8443."),
                             QStringLiteral("Use 443.")),
                     finding(QStringLiteral("tls.handshake"), Status::Fail, QStringLiteral("No handshake."),
                             QStringLiteral("Enable TLS.")),
                     finding(QStringLiteral("tls.chain.complete"), Status::Skip)};
    // The page's ids in its order; ids the report lacks are left out.
    list->showFindings(report, {QStringLiteral("tls.chain.complete"), QStringLiteral("tls.handshake"),
                                QStringLiteral("no.such"), QStringLiteral("tcp.connect")});
    QCOMPARE(topLevelIds(list->model()),
             (QStringList{QStringLiteral("tls.chain.complete"), QStringLiteral("tls.handshake"),
                          QStringLiteral("tcp.connect")}));
    QCOMPARE(list->checkCount(), 3);
    // The first problem is selected and its whole text, fix included, is under the list.
    QCOMPARE(list->currentCheck(), QStringLiteral("tls.handshake"));
    QCOMPARE(detail->text(), QStringLiteral("No handshake.\nFix: Enable TLS."));
    QCOMPARE(list->model()->index(1, ReportModel::ResultColumn).data().toString(), detail->text());
    QCOMPARE(list->model()->headerData(ReportModel::ResultColumn, Qt::Horizontal).toString(),
             QStringLiteral("Result"));
    QVERIFY(list->isColumnHidden(ReportModel::StatusColumn) && list->isColumnHidden(ReportModel::TimeColumn));
    QCOMPARE(list->accessibleName(), QStringLiteral("Results of the checks"));
    list->setCurrentIndex(list->model()->index(2, 0));
    QCOMPARE(detail->text(), QStringLiteral("Port 8443.\nFix: Use 443."));

    // No problem: the first row.
    list->showFindings(report, {QStringLiteral("dns.resolve"), QStringLiteral("tls.chain.complete")});
    QCOMPARE(list->currentCheck(), QStringLiteral("dns.resolve"));

    // German: the list's own words come from its catalogue entries.
    QVERIFY(gjd::installTranslations(*qApp, QStringLiteral("de")));
    list->retranslate();
    QCOMPARE(list->model()->headerData(ReportModel::ResultColumn, Qt::Horizontal).toString(),
             QStringLiteral("Ergebnis"));
    list->showFindings(report, {QStringLiteral("tls.handshake")});
    QCOMPARE(detail->text(), QStringLiteral("No handshake.\nBehebung: Enable TLS."));
}

void TestReportModel::findingListLiveAndHeight()
{
    QWidget page;
    auto* layout = new QVBoxLayout(&page);
    auto* list = new gjd::wizard::FindingList(&page, "prerequisiteList");
    layout->addWidget(list, 1);
    QLabel* detail = list->makeDetailLabel(&page);
    layout->addWidget(detail);
    // Other widgets that want the room.
    for (int i = 0; i < 12; ++i)
        layout->addWidget(new QLabel(QStringLiteral("filler %1").arg(i), &page));
    list->retranslate();
    page.resize(800, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    list->startChecks(kIds);
    QCOMPARE(list->checkCount(), int(kIds.size()));
    QCOMPARE(topLevelIds(list->model()).first(), QStringLiteral("dns.resolve")); // catalogue order
    const QString id = QStringLiteral("tls.handshake");
    list->markRunning(id);
    list->setWaitingFor(id, QStringLiteral("TLS handshake with gitlab.example.com…"));
    list->setCurrentIndex(list->model()->index(int(topLevelIds(list->model()).indexOf(id)), 0));
    QCOMPARE(detail->text(), QStringLiteral("TLS handshake with gitlab.example.com…"));
    const QString longSummary =
        QStringLiteral("The server accepted the TCP connection but did not complete the TLS handshake within "
                       "ten seconds, which usually means that a firewall or a proxy in between holds the "
                       "connection open without forwarding anything to the web server behind it.");
    list->setFinding(finding(id, Status::Fail, longSummary, QStringLiteral("Look at the proxy.")));
    QCOMPARE(detail->text(), longSummary + QStringLiteral("\nFix: Look at the proxy."));

    // At least about six rows high, although the fillers want the room.
    const int lineHeight = list->fontMetrics().height();
    QVERIFY2(list->height() >= 6 * lineHeight + list->header()->height(),
             qPrintable(QStringLiteral("%1 px").arg(list->height())));
    // The long result wraps at word boundaries: its row is several lines high, and as wide as the view.
    const QModelIndex result =
        list->model()->index(int(topLevelIds(list->model()).indexOf(id)), ReportModel::ResultColumn);
    QTRY_VERIFY2(list->visualRect(result).height() >= 3 * lineHeight,
                 qPrintable(QStringLiteral("%1 px").arg(list->visualRect(result).height())));
    QVERIFY(list->wordWrap());
    QVERIFY(list->header()->sectionViewportPosition(ReportModel::ResultColumn) +
                list->header()->sectionSize(ReportModel::ResultColumn) <=
            list->viewport()->width() + 1);

    list->clear();
    QCOMPARE(list->checkCount(), 0);
    QVERIFY(detail->text().isEmpty());
}

void TestReportModel::waterfallInStartOrder()
{
    gjd::WaterfallWidget waterfall;
    using Timing = gjd::CheckRunner::ProbeTiming;
    waterfall.setTimings(
        {Timing{QStringLiteral("http.descriptor"), 40, 10, true}, Timing{QStringLiteral("tls"), 5, 30, true},
         Timing{QStringLiteral("dns"), 0, 5, true}, Timing{QStringLiteral("tcp"), 5, 2, false}});
    QStringList ids;
    for (const Timing& t : waterfall.timings())
        ids.append(t.id);
    QCOMPARE(ids, (QStringList{QStringLiteral("dns"), QStringLiteral("tcp"), QStringLiteral("tls"),
                               QStringLiteral("http.descriptor")}));
    QVERIFY(waterfall.accessibleDescription().startsWith(QStringLiteral("dns: from 0 ms to 5 ms; tcp:")));
}

QTEST_MAIN(TestReportModel)
#include "tst_reportmodel.moc"
