#include "store/compression.h"

#include <zlib.h>

namespace jixiao::store {

std::string deflate_bytes(std::string_view bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
            static_cast<uLong>(bytes.size()), 3);
  out.resize(size);
  return out;
}

Result<std::string> inflate_bytes(std::string_view stream) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return Error{"", 0, "", "zlib 初始化失败"};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stream.data()));
  z.avail_in = static_cast<uInt>(stream.size());
  std::string out;
  char buffer[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return Error{"", 0, "", "数据库中的压缩数据已损坏"};
  return out;
}

Result<std::string> stored_bytes(std::string_view method, std::string_view blob) {
  if (method == "zlib") return inflate_bytes(blob);
  if (method == "none") return std::string(blob);
  return Error{"", 0, "", "未知的压缩方式: " + std::string(method)};
}

}  // namespace jixiao::store
