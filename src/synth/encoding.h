// Output encodings of generated documents.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::synth {

// Converts UTF-8 to GB18030, which equals GBK for every character GBK has (government files
// are commonly GBK). Uses the C library's iconv. Characters iconv cannot convert are written
// as '?' (the generator's vocabulary has none).
std::string utf8_to_gbk(std::string_view utf8);

}  // namespace jixiao::synth
