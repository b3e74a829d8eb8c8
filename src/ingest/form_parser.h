// The form parser: reads one 财政项目支出绩效目标申报表/填报表 region, in any of the text layouts
// (line-broken pdftotext, tab-separated table export, OCR lines, PDF rows rebuilt with tabs),
// into the form fields of a Project.
#pragma once

#include <span>

#include "ingest/text_line.h"
#include "model/declaration.h"

namespace jixiao {

// Parses one form region (from its title line up to, not including, the next document part)
// into the form fields of `project` (name … indicators, funds, goals, unreadable, has_form=true).
// Lines must be normalised (normalize_line); tabs separate table cells. Every value read carries
// its source span; a field present but not unambiguously readable is listed in
// project.unreadable with its span and the reason, never guessed.
void parse_form(std::span<const TextLine> lines, Project& project);

}  // namespace jixiao
