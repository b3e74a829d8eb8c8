// Document assembly: normalised lines of one declaration → Declaration. Finds the parts
// (segment.h), reads the title and header claims (header.h), each narrative
// (narrative_parser.h) and each form (form_parser.h), and pairs narratives with forms.
#pragma once

#include <string_view>

#include "ingest/layout.h"
#include "ingest/text_line.h"
#include "model/declaration.h"
#include "model/result.h"

namespace jixiao {

// Parses the lines of one document. Projects come in document order of their forms (a
// narrative without a form stands where its narrative stands); seq numbers them from 1.
// A narrative is paired with a form by, in order: the nearest unpaired narrative before the
// form whose title equals the form's 项目名称; the one whose number equals the form's number
// (填报表 N); the only narrative between the previous form and this one; the k-th narrative
// of a run of unpaired narratives followed by a run of as many unpaired forms; a narrative
// anywhere with the same title. Fails ("not a declaration") when the text has no header
// claims, no narrative and no form. Source, sha256 and encoding are left for the caller.
Result<Declaration> parse_document_lines(TextLines lines, Layout layout, std::string_view source);

}  // namespace jixiao
