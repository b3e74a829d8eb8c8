// Renders a declaration as a PDF document the way units publish them: the title and the
// 绩效目标设置情况 paragraph, then per project its narrative (项目经费情况说明) and its form
// (财政项目支出绩效目标申报表) drawn as a real bordered table with merged 一级/二级 cells.
#pragma once

#include <string>

#include "model/declaration.h"
#include "model/result.h"
#include "synth/generator.h"

namespace jixiao::synth {

struct PdfRenderOptions {
  bool filling_form = false;    // form titled 填报表 (else 申报表); its grid has no 项目性质 cell
  bool numbered_forms = false;  // "财政项目支出绩效目标申报表 3"
  bool grouped_amounts = true;  // "37,780,000.00" (else "37780000.00")
  bool header = true;           // title block and 绩效目标设置情况 paragraph
  bool narratives = true;       // each project's narrative before its form (when it has one)
  bool centre_cells = false;    // cell text vertically centred like Word forms (else top-aligned)
};

// The PDF bytes of `d`, one form per project (each form starts on a new page). Fields that are
// null are left blank; narrative sections are drawn from their text. Fails only when cairo or
// the CJK font (fonts-noto-cjk) is unavailable.
Result<std::string> render_declaration_pdf(const Declaration& d, const PdfRenderOptions& options = {});

// Same for a generated document: its style picks the options, and narrative bodies keep their
// blocks (paragraphs, and budget tables drawn as tables). `centre_cells` as above.
Result<std::string> render_generated_pdf(const GeneratedDocument& doc, bool centre_cells = false);

// The options matching a generated document's style.
PdfRenderOptions pdf_options_for(const DocumentStyle& style);

}  // namespace jixiao::synth
