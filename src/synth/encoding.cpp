#include "synth/encoding.h"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

namespace jixiao::synth {

std::string utf8_to_gbk(std::string_view utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv: GB18030 unavailable");
  std::string out;
  out.resize(utf8.size() + 16);
  char* in_ptr = const_cast<char*>(utf8.data());  // iconv's API is not const-correct
  std::size_t in_left = utf8.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    std::size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {
      // EILSEQ / EINVAL: skip one byte of input and mark it.
      if (written == out.size()) out.resize(out.size() * 2);
      out[written++] = '?';
      ++in_ptr;
      --in_left;
    }
  }
  iconv_close(cd);
  out.resize(written);
  return out;
}

}  // namespace jixiao::synth
