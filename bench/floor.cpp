// snaplint_floor FILE: maps the file and runs RapidJSON's SAX reader over it (UTF-8 validated,
// iterative) with a handler that does nothing. No RapidJSON-based linter can beat this.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: snaplint_floor FILE\n");
    return 2;
  }
  const int fd = open(argv[1], O_RDONLY);
  struct stat info {};
  if (fd < 0 || fstat(fd, &info) != 0) {
    std::perror(argv[1]);
    return 2;
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  void* data = size ? mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : nullptr;
  if (size && data == MAP_FAILED) {
    std::perror("mmap");
    return 2;
  }
  rapidjson::MemoryStream stream(static_cast<const char*>(data), size);
  rapidjson::BaseReaderHandler<> handler;
  rapidjson::Reader reader;
  const auto result =
      reader.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(stream,
                                                                                           handler);
  return result ? 0 : 1;
}
