// SPDX-License-Identifier: GPL-3.0-or-later
// The colours of error and link text (src/gui/uistyle.h) keep WCAG AA contrast (4.5:1) on light,
// dark and extreme palettes, and the dialogs that show such text use them.

#include "aboutdialog.h"
#include "exportdialog.h"
#include "reportview.h"
#include "samplereport.h"
#include "uistyle.h"
#include "wraplabel.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QProxyStyle>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QtTest>

#include <memory>

namespace {

constexpr qreal kMinimumContrast = 4.5; // WCAG 2 AA, normal text

QPalette fusionLight()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// Window, Base, Text (also WindowText) and Link; the rest from Fusion's light palette, as a
// partly themed desktop would have it.
QPalette paletteOf(QColor window, QColor base, QColor text, QColor link)
{
    QPalette palette = fusionLight();
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Link, link);
    return palette;
}

// KDE Breeze Dark's colours.
QPalette breezeDark()
{
    return paletteOf(QColor(0x2a, 0x2e, 0x32), QColor(0x1b, 0x1e, 0x20), QColor(0xfc, 0xfc, 0xfc),
                     QColor(0x1d, 0x99, 0xf3));
}

QString describe(const QColor& colour, const QColor& background)
{
    return QStringLiteral("%1 on %2: %3:1")
        .arg(colour.name(), background.name())
        .arg(gjd::contrastRatio(colour, background), 0, 'f', 2);
}

} // namespace

class TestUiStyle final : public QObject
{
    Q_OBJECT

private slots:
    // First: it looks at which image plugins the process has loaded so far.
    void startupStyleDefersTheMenuBarsArrow();
    void wrapLabelAnswersAsQLabelDoes();
    void contrastRatio();
    void readableOnEveryPalette_data();
    void readableOnEveryPalette();
    void errorStaysRed_data();
    void errorStaysRed();
    void keepsAReadableLinkColour();
    void placeholdersStayReadable_data();
    void placeholdersStayReadable();
    void linksStayReadable_data();
    void linksStayReadable();
    void aboutDialogLinkIsReadable();
    void exportDialogErrorIsReadable();
};

namespace {

// Whether any of Qt's image-format plugins (imageformats/libq*.so) is mapped into this process.
bool imageFormatPluginLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains("/imageformats/");
}

} // namespace

// A menu bar asks the style for its overflow arrow when it is built; through the startup style
// that costs nothing until the arrow is painted (docs/benchmarks.md, "Cold start (issue 13)").
void TestUiStyle::startupStyleDefersTheMenuBarsArrow()
{
    QVERIFY2(!imageFormatPluginLoaded(), "an earlier step already read an image");
    const QString before = QApplication::style()->name();
    gjd::installStartupStyle();
    // The same look: only a proxy in front of a style of the same name.
    auto* proxy = qobject_cast<QProxyStyle*>(QApplication::style());
    QVERIFY(proxy);
    QCOMPARE(proxy->baseStyle()->name(), before);
    {
        QMainWindow window;
        window.menuBar()->addMenu(QStringLiteral("File"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(!imageFormatPluginLoaded(), "the menu bar's arrow was read before it was needed");
    }
    // When it is needed, it is the base style's arrow.
    const QIcon arrow = QApplication::style()->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton);
    const QPixmap pixmap = arrow.pixmap(QSize(16, 16));
    QVERIFY(!pixmap.isNull());
    QVERIFY(imageFormatPluginLoaded());
    const QImage image = pixmap.toImage();
    bool drawn = false;
    for (int y = 0; y < image.height() && !drawn; ++y) {
        for (int x = 0; x < image.width() && !drawn; ++x)
            drawn = qAlpha(image.pixel(x, y)) > 0;
    }
    QVERIFY2(drawn, "the deferred arrow is empty");
}

// WrapLabel remembers heights, and never an outdated one: every input of QLabel's answer
// (text, format, font, margins, indent) changes it.
void TestUiStyle::wrapLabelAnswersAsQLabelDoes()
{
    gjd::WrapLabel remembering;
    QLabel plain;
    plain.setWordWrap(true);
    QVERIFY(remembering.wordWrap());
    // The first width where the two answer differently, described; empty when they agree.
    const auto differs = [&](const char* step) {
        for (int width : {60, 120, 240, 480, 120, 60, 33, 900, 61, 62, 63, 64, 65, 66, 67, 60}) {
            const int expected = plain.heightForWidth(width);
            const int got = remembering.heightForWidth(width);
            if (got != expected)
                return QStringLiteral("%1, width %2: %3 instead of %4")
                    .arg(QLatin1String(step))
                    .arg(width)
                    .arg(got)
                    .arg(expected);
        }
        return QString();
    };
    const QString text =
        QStringLiteral("Find out why an existing connection fails: network, TLS certificates, "
                       "GitLab settings and Jira.");
    for (QLabel* l : {static_cast<QLabel*>(&remembering), &plain})
        l->setText(text);
    QVERIFY2(differs("text").isEmpty(), qPrintable(differs("text")));
    const int before = remembering.heightForWidth(120);
    for (QLabel* l : {static_cast<QLabel*>(&remembering), &plain})
        l->setText(text + text);
    QVERIFY2(differs("longer text").isEmpty(), qPrintable(differs("longer text")));
    QVERIFY(remembering.heightForWidth(120) > before);
    for (QLabel* l : {static_cast<QLabel*>(&remembering), &plain})
        l->setFont(gjd::scaledFont(l->font(), 1.6, QFont::Bold));
    QVERIFY2(differs("font").isEmpty(), qPrintable(differs("font")));
    for (QLabel* l : {static_cast<QLabel*>(&remembering), &plain}) {
        l->setTextFormat(Qt::RichText);
        l->setText(QStringLiteral("<b>Set up</b> the <i>GitLab for Jira Cloud</i> app, ") + text);
    }
    QVERIFY2(differs("rich text").isEmpty(), qPrintable(differs("rich text")));
    for (QLabel* l : {static_cast<QLabel*>(&remembering), &plain}) {
        l->setContentsMargins(10, 4, 30, 4);
        l->setIndent(12);
    }
    QVERIFY2(differs("margins and indent").isEmpty(), qPrintable(differs("margins and indent")));
    for (QLabel* l : {static_cast<QLabel*>(&remembering), &plain})
        l->setMargin(7);
    QVERIFY2(differs("margin").isEmpty(), qPrintable(differs("margin")));
}

// The WCAG formula's fixed points.
void TestUiStyle::contrastRatio()
{
    QCOMPARE(qRound(gjd::contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(gjd::contrastRatio(Qt::white, Qt::black), gjd::contrastRatio(Qt::black, Qt::white));
    QCOMPARE(gjd::contrastRatio(QColor(0x12, 0x34, 0x56), QColor(0x12, 0x34, 0x56)), 1.0);
    // The colour the issue was about: GNOME's red on Breeze Dark's window, about 2.1:1.
    const qreal oldRed = gjd::contrastRatio(QColor(0xc0, 0x1c, 0x28), QColor(0x2a, 0x2e, 0x32));
    QVERIFY2(oldRed > 1.9 && oldRed < 2.3, qPrintable(QString::number(oldRed)));
}

void TestUiStyle::readableOnEveryPalette_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("background"); // QPalette::ColorRole

    struct Row
    {
        const char* name;
        QPalette palette;
    };
    const Row rows[] = {
        {"fusion-light", fusionLight()},
        {"breeze-dark", breezeDark()},
        // A dark theme that kept the light default link colour (Qt's #0000ff).
        {"dark-with-light-link",
         paletteOf(QColor(0x2a, 0x2e, 0x32), QColor(0x1b, 0x1e, 0x20), Qt::white, Qt::blue)},
        {"black", paletteOf(Qt::black, Qt::black, Qt::white, Qt::blue)},
        {"white-with-yellow-link", paletteOf(Qt::white, Qt::white, Qt::black, Qt::yellow)},
        // Around the luminance where light turns into dark: the hardest background for both.
        {"mid-grey",
         paletteOf(QColor(0x76, 0x76, 0x76), QColor(0x77, 0x77, 0x77), Qt::white, QColor(0x1d, 0x99, 0xf3))},
        {"high-contrast-red", paletteOf(Qt::black, Qt::black, Qt::yellow, Qt::red)},
    };
    for (const Row& row : rows) {
        QTest::addRow("%s-window", row.name) << row.palette << int(QPalette::Window);
        QTest::addRow("%s-base", row.name) << row.palette << int(QPalette::Base);
    }
}

void TestUiStyle::readableOnEveryPalette()
{
    QFETCH(QPalette, palette);
    QFETCH(int, background);
    const auto role = static_cast<QPalette::ColorRole>(background);
    const QColor back = palette.color(role);

    const QColor error = gjd::errorTextColour(palette, role);
    QVERIFY2(gjd::contrastRatio(error, back) >= kMinimumContrast, qPrintable(describe(error, back)));
    const QColor link = gjd::linkTextColour(palette, role);
    QVERIFY2(gjd::contrastRatio(link, back) >= kMinimumContrast, qPrintable(describe(link, back)));
}

void TestUiStyle::errorStaysRed_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("fusion-light") << fusionLight();
    QTest::newRow("breeze-dark") << breezeDark();
}

// Readable, but still recognisably an error: a red hue, saturated.
void TestUiStyle::errorStaysRed()
{
    QFETCH(QPalette, palette);
    const QColor error = gjd::errorTextColour(palette).toHsv();
    QVERIFY2(error.hsvHue() <= 15 || error.hsvHue() >= 345, qPrintable(error.name()));
    QVERIFY2(error.hsvSaturation() >= 100, qPrintable(error.name()));
}

// A link colour that is readable already is used as the theme has it, not changed.
void TestUiStyle::keepsAReadableLinkColour()
{
    QCOMPARE(gjd::linkTextColour(breezeDark(), QPalette::Base), QColor(0x1d, 0x99, 0xf3));
    const QPalette light = fusionLight();
    QCOMPARE(gjd::linkTextColour(light), light.color(QPalette::Link));
    // ... and the light theme's blue on a dark window is not (the Jira page's token link).
    const QPalette darkWithLightLink =
        paletteOf(QColor(0x2a, 0x2e, 0x32), QColor(0x1b, 0x1e, 0x20), Qt::white, Qt::blue);
    QVERIFY(gjd::contrastRatio(Qt::blue, QColor(0x2a, 0x2e, 0x32)) < kMinimumContrast);
    QVERIFY(gjd::linkTextColour(darkWithLightLink) != QColor(Qt::blue));
}

// The About dialog's home page link, on a dark palette that kept the light link colour, and
// again after a switch back to a light one. The colour is the one in the label's HTML: Qt's HTML
// parser takes the application palette's Link, not the label's, which is why it is written there.
void TestUiStyle::aboutDialogLinkIsReadable()
{
    const QPalette before = QApplication::palette();
    const QPalette dark = paletteOf(QColor(0x2a, 0x2e, 0x32), QColor(0x1b, 0x1e, 0x20), Qt::white, Qt::blue);
    gjd::AboutDialog about;
    about.show();
    QVERIFY(QTest::qWaitForWindowExposed(&about));
    auto* details = about.findChild<QLabel*>(QStringLiteral("detailsLabel"));
    QVERIFY(details);
    const QRegularExpression linkColour(
        QStringLiteral("<a href=\"[^\"]+\" style=\"color: (#[0-9a-f]{6})\">"));
    for (const QPalette& theme : {dark, fusionLight()}) {
        QApplication::setPalette(theme); // Qt hands it to the widgets from the event loop
        QTRY_COMPARE(linkColour.match(details->text()).captured(1), gjd::readableLinkColour(theme).name());
        const QColor back = theme.color(QPalette::Window);
        const QColor link(linkColour.match(details->text()).captured(1));
        QVERIFY2(gjd::contrastRatio(link, back) >= kMinimumContrast, qPrintable(describe(link, back)));
        const QColor text = details->palette().color(QPalette::WindowText);
        QVERIFY2(gjd::contrastRatio(text, back) >= kMinimumContrast, qPrintable(describe(text, back)));
    }
    QApplication::setPalette(before);
}

// The export dialog's error line (a save that failed), on Breeze Dark: no longer GNOME's red.
void TestUiStyle::exportDialogErrorIsReadable()
{
    gjd::ExportDialog dialog(gjd::Report(), {});
    QSignalSpy ready(&dialog, &gjd::ExportDialog::ready);
    dialog.setPalette(breezeDark());
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(error);
    const QColor back = dialog.palette().color(QPalette::Window);
    const QColor colour = error->palette().color(QPalette::WindowText);
    QVERIFY2(gjd::contrastRatio(colour, back) >= kMinimumContrast, qPrintable(describe(colour, back)));
    QVERIFY(!dialog.isBusy() || ready.wait(20000)); // no background work left behind
}

void TestUiStyle::placeholdersStayReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    // As the platform gives them: Qt's own half-transparent Text, and Breeze Dark's black (from
    // kdeglobals), which is 1.2:1 on its dark fields.
    QPalette light = fusionLight();
    light.setColor(QPalette::PlaceholderText, QColor(0, 0, 0, 128));
    QPalette dark = breezeDark();
    dark.setColor(QPalette::PlaceholderText, QColor(0, 0, 0, 128));
    QTest::newRow("light") << light;
    QTest::newRow("breeze-dark") << dark;
    QTest::newRow("black-on-white") << paletteOf(Qt::white, Qt::white, Qt::black, Qt::blue);
    QTest::newRow("white-on-black") << paletteOf(Qt::black, Qt::black, Qt::white, Qt::cyan);
    QTest::newRow("grey-field") << paletteOf(QColor(0x80, 0x80, 0x80), QColor(0x77, 0x77, 0x77), Qt::black,
                                             Qt::blue);
}

// The application keeps its placeholders readable whatever palette arrives later (a theme
// switch; here, QApplication::setPalette as the screenshot tests do).
void TestUiStyle::placeholdersStayReadable()
{
    QFETCH(QPalette, palette);
    const QPalette before = QApplication::palette();
    gjd::installReadablePlaceholders();
    gjd::installReadablePlaceholders(); // once is enough; twice changes nothing
    QApplication::setPalette(palette);
    QLineEdit field;
    field.setPlaceholderText(QStringLiteral("https://gitlab.example.com"));
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        const QColor base = QApplication::palette().color(group, QPalette::Base);
        const QColor placeholder = QApplication::palette().color(group, QPalette::PlaceholderText);
        QVERIFY2(gjd::contrastRatio(placeholder, base) >= kMinimumContrast,
                 qPrintable(describe(placeholder, base)));
        QCOMPARE(placeholder.alpha(), 255);
        // Still a hint: not the colour of what is typed.
        QVERIFY(placeholder != QApplication::palette().color(group, QPalette::Text));
        QCOMPARE(field.palette().color(group, QPalette::PlaceholderText), placeholder);
    }
    // The other roles are the palette that was set.
    QCOMPARE(QApplication::palette().color(QPalette::Base), palette.color(QPalette::Base));
    QCOMPARE(QApplication::palette().color(QPalette::Text), palette.color(QPalette::Text));
    QApplication::setPalette(before);
}

void TestUiStyle::linksStayReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("unchanged");   // the theme's links are readable already
    QTest::addColumn<bool>("onWindowToo"); // Base and Window do not pull opposite ways
    QTest::newRow("light") << fusionLight() << true << true;
    // Breeze Dark's #1d99f3 is 4.496:1 on its window colour: a shade lighter.
    QTest::newRow("breeze-dark") << breezeDark() << false << true;
    // A dark theme that kept Qt's default links (#0000ff, 2:1): what a partial kdeglobals gives.
    QTest::newRow("dark-with-default-link")
        << paletteOf(QColor(0x2a, 0x2e, 0x32), QColor(0x1b, 0x1e, 0x20), Qt::white, Qt::blue) << false
        << true;
    QTest::newRow("white-with-yellow-link")
        << paletteOf(Qt::white, Qt::white, Qt::black, Qt::yellow) << false << true;
    QTest::newRow("grey-window") << paletteOf(QColor(0x80, 0x80, 0x80), Qt::white, Qt::black, Qt::blue)
                                 << false << true;
    // Dark fields in a light window: the details are read on Base, which wins.
    QTest::newRow("dark-base-light-window")
        << paletteOf(QColor(0xee, 0xee, 0xee), QColor(0x20, 0x20, 0x20), Qt::black, Qt::blue) << false
        << false;
}

// The colour the details pane draws its first link in (as the document holds it after parsing).
QColor firstLinkColour(const QTextDocument& document)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor() && !format.anchorHref().isEmpty())
                return QColor(format.foreground().color().rgba()); // as RGB, however the CSS gave it
        }
    }
    return QColor();
}

// The documentation links in a check's details keep 4.5:1 whatever theme arrives, and a readable
// one stays as the theme made it. Each theme switch starts from the new theme's links: a light
// theme after a dark one has its own links back, not a darkened copy of the dark one's.
void TestUiStyle::linksStayReadable()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, unchanged);
    QFETCH(bool, onWindowToo);
    const QPalette before = QApplication::palette();
    QWidget top; // as in the program: the view inside a window
    auto* view = new gjd::ReportView(&top);
    gjd::Report report = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    gjd::Finding finding;
    finding.id = QStringLiteral("tls.chain.complete");
    finding.category = QStringLiteral("tls");
    finding.status = gjd::Status::Fail;
    finding.title = QStringLiteral("Certificate chain complete");
    finding.summary = QStringLiteral("The intermediate is missing.");
    finding.docs = {QStringLiteral("https://docs.gitlab.com/omnibus/settings/ssl/")};
    report.checks = {finding};
    view->setReport(report);
    QVERIFY(view->selectCheck(finding.id));
    top.show();
    QVERIFY(QTest::qWaitForWindowExposed(&top));
    auto* details = view->findChild<QTextBrowser*>(QStringLiteral("detailsView"));
    QVERIFY(details);
    QVERIFY2(firstLinkColour(*details->document()).isValid(), "the sample check's details have no link");
    // Qt hands a new application palette to the widgets from the event loop.
    const auto switchTo = [details](const QPalette& theme) {
        QApplication::setPalette(theme);
        QTRY_COMPARE(firstLinkColour(*details->document()),
                     QColor(gjd::readableLinkColour(theme, QPalette::Link).rgba()));
    };
    for (int round = 0; round < 2; ++round) {
        switchTo(palette);
        const QColor link = firstLinkColour(*details->document());
        const QColor base = palette.color(QPalette::Base);
        const QColor window = palette.color(QPalette::Window);
        QVERIFY2(gjd::contrastRatio(link, base) >= kMinimumContrast, qPrintable(describe(link, base)));
        if (onWindowToo)
            QVERIFY2(gjd::contrastRatio(link, window) >= kMinimumContrast,
                     qPrintable(describe(link, window)));
        if (unchanged)
            QCOMPARE(link, QColor(palette.color(QPalette::Link).rgba()));
        // Another theme in between: its own (readable) link colour, not a copy of this one's.
        switchTo(fusionLight());
        QCOMPARE(firstLinkColour(*details->document()), QColor(fusionLight().color(QPalette::Link).rgba()));
    }
    QApplication::setPalette(before);
}

QTEST_MAIN(TestUiStyle)
#include "tst_uistyle.moc"
