#include "pdf_image.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace ys::report::pdf {
namespace {

using Bytes = std::string_view;

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

const std::array<std::uint32_t, 256>& crc_table() {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

std::uint32_t crc32(const unsigned char* p, std::size_t n) {
    const auto& t = crc_table();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) c = t[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::uint32_t adler32(const std::vector<unsigned char>& data) {
    std::uint32_t a = 1, b = 0;
    for (unsigned char v : data) {
        a = (a + v) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

// A small, strict inflater (RFC 1951) in the style of zlib's puff.c: it accepts only what
// zlib accepts, and never writes more than `limit` bytes.
class Inflater {
public:
    Inflater(const unsigned char* in, std::size_t size, std::size_t limit) : in_(in), size_(size), limit_(limit) {}

    // Inflates a complete zlib stream (header, deflate data, Adler-32) that ends exactly at
    // the end of the input. Returns an empty string on success, else the reason.
    std::string zlib(std::vector<unsigned char>& out) {
        if (size_ < 6) return "compressed image data too short";
        unsigned cmf = in_[0], flg = in_[1];
        if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20)) {
            return "bad zlib header in the image data";
        }
        pos_ = 2;
        out.clear();
        out.reserve(limit_);
        out_ = &out;
        int last = 0;
        do {
            std::uint32_t hdr;
            if (!bits(3, hdr)) return "truncated image data";
            last = hdr & 1;
            std::string err;
            switch (hdr >> 1) {
                case 0: err = stored(); break;
                case 1: err = fixed(); break;
                case 2: err = dynamic(); break;
                default: err = "invalid compressed block type"; break;
            }
            if (!err.empty()) return err;
        } while (!last);
        bitbuf_ = 0, bitcnt_ = 0;  // the Adler-32 starts on a byte boundary
        if (pos_ + 4 != size_) return pos_ + 4 > size_ ? "truncated image data" : "extra data after the image data";
        if (be32(in_ + pos_) != adler32(out)) return "image data checksum mismatch";
        return {};
    }

private:
    struct Huffman {
        std::array<std::uint16_t, 16> count{};
        std::array<std::uint16_t, 288> symbol{};
    };

    bool bits(int need, std::uint32_t& v) {
        while (bitcnt_ < need) {
            if (pos_ >= size_) return false;
            bitbuf_ |= std::uint32_t{in_[pos_++]} << bitcnt_;
            bitcnt_ += 8;
        }
        v = bitbuf_ & ((1u << need) - 1);
        bitbuf_ >>= need;
        bitcnt_ -= need;
        return true;
    }

    // Builds a canonical code; "" when zlib would accept it (complete, or a single code
    // of length one), else the reason.
    static std::string build(Huffman& h, const std::uint8_t* lengths, int n, bool code_lengths) {
        h.count.fill(0);
        for (int i = 0; i < n; ++i) h.count[lengths[i]]++;
        if (h.count[0] == n) return code_lengths ? "invalid code lengths" : "";
        int left = 1, max = 0;
        for (int len = 1; len < 16; ++len) {
            left <<= 1;
            left -= h.count[len];
            if (left < 0) return "over-subscribed code in the image data";
            if (h.count[len]) max = len;
        }
        if (left > 0 && (code_lengths || max != 1)) return "incomplete code in the image data";
        std::array<std::uint16_t, 16> offs{};
        for (int len = 1; len < 15; ++len) offs[len + 1] = offs[len] + h.count[len];
        for (int i = 0; i < n; ++i) {
            if (lengths[i]) h.symbol[offs[lengths[i]]++] = static_cast<std::uint16_t>(i);
        }
        return {};
    }

    bool decode(const Huffman& h, int& sym) {
        int code = 0, first = 0, index = 0;
        for (int len = 1; len < 16; ++len) {
            std::uint32_t b;
            if (!bits(1, b)) return false;
            code |= static_cast<int>(b);
            int count = h.count[len];
            if (code - count < first) {
                sym = h.symbol[index + (code - first)];
                return true;
            }
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        return false;
    }

    std::string stored() {
        bitbuf_ = 0, bitcnt_ = 0;
        if (pos_ + 4 > size_) return "truncated image data";
        unsigned len = in_[pos_] | (in_[pos_ + 1] << 8);
        unsigned nlen = in_[pos_ + 2] | (in_[pos_ + 3] << 8);
        pos_ += 4;
        if (len != (~nlen & 0xFFFFu)) return "corrupt stored block in the image data";
        if (pos_ + len > size_) return "truncated image data";
        if (out_->size() + len > limit_) return "more image data than the image size";
        out_->insert(out_->end(), in_ + pos_, in_ + pos_ + len);
        pos_ += len;
        return {};
    }

    std::string codes(const Huffman& lencode, const Huffman& distcode) {
        static const std::uint16_t lbase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
        static const std::uint8_t lext[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                              2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        static const std::uint16_t dbase[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                                33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                                1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
        static const std::uint8_t dext[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                              6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
        std::vector<unsigned char>& out = *out_;
        for (;;) {
            int sym;
            if (!decode(lencode, sym)) return "corrupt image data";
            if (sym < 256) {
                if (out.size() >= limit_) return "more image data than the image size";
                out.push_back(static_cast<unsigned char>(sym));
            } else if (sym == 256) {
                return {};
            } else {
                sym -= 257;
                if (sym >= 29) return "invalid length code in the image data";
                std::uint32_t e;
                if (!bits(lext[sym], e)) return "truncated image data";
                std::size_t len = lbase[sym] + e;
                int dsym;
                if (!decode(distcode, dsym)) return "corrupt image data";
                if (dsym >= 30) return "invalid distance code in the image data";
                if (!bits(dext[dsym], e)) return "truncated image data";
                std::size_t dist = dbase[dsym] + e;
                if (dist > out.size()) return "distance too far back in the image data";
                if (out.size() + len > limit_) return "more image data than the image size";
                std::size_t from = out.size() - dist;
                for (std::size_t i = 0; i < len; ++i) out.push_back(out[from + i]);
            }
        }
    }

    std::string fixed() {
        static Huffman lencode, distcode;
        static const bool built = [] {
            std::uint8_t lengths[288];
            int i = 0;
            for (; i < 144; ++i) lengths[i] = 8;
            for (; i < 256; ++i) lengths[i] = 9;
            for (; i < 280; ++i) lengths[i] = 7;
            for (; i < 288; ++i) lengths[i] = 8;
            std::uint8_t dist[30];
            for (auto& d : dist) d = 5;
            // The fixed codes are complete by construction (the distance code is padded).
            Huffman l, d;
            l.count.fill(0);
            for (auto v : lengths) l.count[v]++;
            std::array<std::uint16_t, 16> offs{};
            for (int len = 1; len < 15; ++len) offs[len + 1] = offs[len] + l.count[len];
            for (int s = 0; s < 288; ++s) l.symbol[offs[lengths[s]]++] = static_cast<std::uint16_t>(s);
            d.count.fill(0);
            d.count[5] = 30;
            for (int s = 0; s < 30; ++s) d.symbol[s] = static_cast<std::uint16_t>(s);
            lencode = l;
            distcode = d;
            return true;
        }();
        (void)built;
        return codes(lencode, distcode);
    }

    std::string dynamic() {
        static const std::uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
        std::uint32_t v;
        if (!bits(5, v)) return "truncated image data";
        int nlen = static_cast<int>(v) + 257;
        if (!bits(5, v)) return "truncated image data";
        int ndist = static_cast<int>(v) + 1;
        if (!bits(4, v)) return "truncated image data";
        int ncode = static_cast<int>(v) + 4;
        if (nlen > 286 || ndist > 30) return "bad code counts in the image data";
        std::uint8_t lengths[320] = {};
        for (int i = 0; i < ncode; ++i) {
            if (!bits(3, v)) return "truncated image data";
            lengths[order[i]] = static_cast<std::uint8_t>(v);
        }
        Huffman lencode, distcode;
        std::string err = build(lencode, lengths, 19, true);
        if (!err.empty()) return err;
        int index = 0;
        while (index < nlen + ndist) {
            int sym;
            if (!decode(lencode, sym)) return "corrupt image data";
            if (sym < 16) {
                lengths[index++] = static_cast<std::uint8_t>(sym);
                continue;
            }
            std::uint8_t len = 0;
            int repeat;
            if (sym == 16) {
                if (index == 0) return "bad repeat in the image data";
                len = lengths[index - 1];
                if (!bits(2, v)) return "truncated image data";
                repeat = 3 + static_cast<int>(v);
            } else if (sym == 17) {
                if (!bits(3, v)) return "truncated image data";
                repeat = 3 + static_cast<int>(v);
            } else {
                if (!bits(7, v)) return "truncated image data";
                repeat = 11 + static_cast<int>(v);
            }
            if (index + repeat > nlen + ndist) return "too many code lengths in the image data";
            while (repeat--) lengths[index++] = len;
        }
        if (lengths[256] == 0) return "no end-of-block code in the image data";
        err = build(lencode, lengths, nlen, false);
        if (!err.empty()) return err;
        err = build(distcode, lengths + nlen, ndist, false);
        if (!err.empty()) return err;
        return codes(lencode, distcode);
    }

    const unsigned char* in_;
    std::size_t size_, limit_;
    std::size_t pos_ = 0;
    std::uint32_t bitbuf_ = 0;
    int bitcnt_ = 0;
    std::vector<unsigned char>* out_ = nullptr;
};

bool is_letter(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

bool sanitise_png(std::string_view file, std::string& clean, std::string& error) {
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    const auto* p = reinterpret_cast<const unsigned char*>(file.data());
    const std::size_t n = file.size();
    if (n < 8 || !std::equal(sig, sig + 8, p)) {
        error = "not a PNG file";
        return false;
    }
    std::uint32_t width = 0, height = 0;
    int depth = 0, colour = -1, interlace = 0;
    bool have_plte = false, have_idat = false, idat_done = false, have_iend = false;
    std::size_t palette_entries = 0;
    std::vector<unsigned char> idat;
    clean.assign(file.data(), 8);
    std::size_t pos = 8;
    bool first = true;
    while (pos < n && !have_iend) {
        if (pos + 12 > n) {
            error = "truncated PNG file";
            return false;
        }
        std::uint32_t len = be32(p + pos);
        const unsigned char* type = p + pos + 4;
        if (len > 0x7FFFFFFFu || len > n - pos - 12) {
            error = "truncated PNG file";
            return false;
        }
        if (!is_letter(type[0]) || !is_letter(type[1]) || !is_letter(type[2]) || !is_letter(type[3])) {
            error = "corrupt PNG file (bad chunk type)";
            return false;
        }
        if (crc32(type, len + 4) != be32(p + pos + 8 + len)) {
            error = "corrupt PNG file (chunk checksum mismatch)";
            return false;
        }
        const std::string_view name(reinterpret_cast<const char*>(type), 4);
        const unsigned char* data = p + pos + 8;
        bool keep = false;
        if (first != (name == "IHDR")) {
            error = "corrupt PNG file (IHDR is not first)";
            return false;
        }
        if (name == "IHDR") {
            if (len != 13) {
                error = "corrupt PNG file (bad IHDR)";
                return false;
            }
            width = be32(data);
            height = be32(data + 4);
            depth = data[8];
            colour = data[9];
            interlace = data[12];
            bool ok_depth = (colour == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
                            (colour == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
                            ((colour == 2 || colour == 4 || colour == 6) && (depth == 8 || depth == 16));
            if (!ok_depth || data[10] != 0 || data[11] != 0 || interlace > 1) {
                error = "unsupported PNG format";
                return false;
            }
            if (interlace != 0) {  // libharu 2.3.0 crashes on interlaced PNG
                error = "interlaced PNG is not supported (save the image without interlacing)";
                return false;
            }
            if (width == 0 || height == 0 || width > 10000 || height > 10000 ||
                std::uint64_t{width} * height > 25'000'000u) {
                error = "PNG image too large or empty";
                return false;
            }
            keep = true;
        } else if (name == "PLTE") {
            if (have_plte || have_idat || len % 3 != 0 || len == 0 || len > 768) {
                error = "corrupt PNG file (bad palette)";
                return false;
            }
            have_plte = true;
            palette_entries = len / 3;
            keep = colour == 3;
        } else if (name == "tRNS") {
            if (have_idat) {
                error = "corrupt PNG file (tRNS after image data)";
                return false;
            }
            keep = (colour == 0 && len == 2) || (colour == 2 && len == 6) ||
                   (colour == 3 && have_plte && len <= palette_entries);
        } else if (name == "IDAT") {
            if (idat_done) {
                error = "corrupt PNG file (image data is split)";
                return false;
            }
            have_idat = true;
            idat.insert(idat.end(), data, data + len);
            keep = true;
        } else if (name == "IEND") {
            have_iend = true;
            keep = true;
        } else if (!(type[0] & 0x20)) {  // an unknown critical chunk
            error = "unsupported PNG file (unknown critical chunk)";
            return false;
        }
        if (have_idat && name != "IDAT") idat_done = true;
        if (keep) clean.append(file.data() + pos, len + 12);
        pos += len + 12;
        first = false;
    }
    if (!have_iend) {
        error = "truncated PNG file (no IEND)";
        return false;
    }
    if (!have_idat || (colour == 3 && !have_plte)) {
        error = "corrupt PNG file (no image data or palette)";
        return false;
    }

    // The exact size of the filtered image data: a filter byte and the pixels of each row.
    const int channels = colour == 2 ? 3 : colour == 4 ? 2 : colour == 6 ? 4 : 1;
    const std::size_t row = (std::size_t{width} * channels * depth + 7) / 8;
    const std::size_t expected = std::size_t{height} * (row + 1);
    std::vector<unsigned char> raw;
    Inflater inflater(idat.data(), idat.size(), expected);
    std::string err = inflater.zlib(raw);
    if (!err.empty()) {
        error = "corrupt PNG file (" + err + ")";
        return false;
    }
    if (raw.size() != expected) {
        error = "corrupt PNG file (less image data than the image size)";
        return false;
    }
    for (std::size_t at = 0; at < raw.size(); at += row + 1) {
        if (raw[at] > 4) {
            error = "corrupt PNG file (bad row filter)";
            return false;
        }
    }
    return true;
}

bool check_jpeg(std::string_view file, std::string& error) {
    const auto* p = reinterpret_cast<const unsigned char*>(file.data());
    const std::size_t n = file.size();
    if (n < 4 || p[0] != 0xFF || p[1] != 0xD8) {
        error = "not a JPEG file";
        return false;
    }
    std::size_t pos = 2;
    bool frame = false;
    for (;;) {
        if (pos + 2 > n || p[pos] != 0xFF) {
            error = "corrupt or truncated JPEG file";
            return false;
        }
        while (pos < n && p[pos] == 0xFF) ++pos;  // fill bytes
        if (pos >= n) {
            error = "truncated JPEG file";
            return false;
        }
        unsigned marker = p[pos++];
        if (marker == 0xD8 || marker == 0xD9 || marker == 0x00) {
            error = "corrupt JPEG file (no image scan)";
            return false;
        }
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;
        if (pos + 2 > n) {
            error = "truncated JPEG file";
            return false;
        }
        std::size_t len = (std::size_t{p[pos]} << 8) | p[pos + 1];
        if (len < 2 || pos + len > n) {
            error = "truncated JPEG file";
            return false;
        }
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (len < 8 || p[pos + 2] != 8 || ((p[pos + 3] << 8) | p[pos + 4]) == 0 ||
                ((p[pos + 5] << 8) | p[pos + 6]) == 0) {
                error = "unsupported JPEG format";
                return false;
            }
            unsigned comps = p[pos + 7];
            if (comps != 1 && comps != 3 && comps != 4) {
                error = "unsupported JPEG format";
                return false;
            }
            frame = true;
        }
        if (marker == 0xDA) {
            if (!frame) {
                error = "corrupt JPEG file (scan before frame header)";
                return false;
            }
            break;
        }
        pos += len;
    }
    // The file must end with EOI (allowing a little padding after it).
    std::size_t end = n;
    auto padding = [](unsigned char c) { return c == 0x00 || c == 0x0A || c == 0x0D || c == 0x20; };
    while (end > pos && n - end < 64 && padding(p[end - 1])) --end;
    if (end < pos + 2 || p[end - 2] != 0xFF || p[end - 1] != 0xD9) {
        error = "truncated JPEG file (no end marker)";
        return false;
    }
    return true;
}

}  // namespace ys::report::pdf
