// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace gjd {

// Help → About: name, version, what the program does, Qt versions, licence and home page.
// Children for tests: "versionLabel", "detailsLabel" (with the home page link).
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();
};

} // namespace gjd
