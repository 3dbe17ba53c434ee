#ifndef REVTRACK_CLIBGIT2_SHIM_H
#define REVTRACK_CLIBGIT2_SHIM_H

#include <git2.h>
#include <stdio.h>
#include <zlib.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one typed wrapper per
   option revtrack sets. */

/* Ask libgit2 to fsync objects, refs and the index so an acknowledged revision
   survives a crash. */
static inline int revtrack_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

/* Verify object hashes when reading, so a damaged object is an error rather
   than silently wrong text. */
static inline int revtrack_git_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/* libgit2 1.5 (Debian 12) loops forever inflating a truncated loose object
   (libgit2 issue #7342, fixed upstream in 2026). Before libgit2 reads a loose
   object, revtrack inflates the file here and refuses it unless the zlib stream
   is complete. Returns 0 when complete, 1 when there is no such file (the
   object is packed or absent: libgit2 reports that itself), -1 when the file
   is truncated or corrupt. */
static inline int revtrack_loose_object_state(const char *path) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return 1;
    z_stream stream = {0};
    if (inflateInit(&stream) != Z_OK) { fclose(file); return -1; }
    unsigned char input[16384];
    unsigned char output[65536];
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        stream.avail_in = (uInt)fread(input, 1, sizeof input, file);
        if (ferror(file) || stream.avail_in == 0) break;
        stream.next_in = input;
        do {
            stream.avail_out = sizeof output;
            stream.next_out = output;
            status = inflate(&stream, Z_NO_FLUSH);
            if (status == Z_NEED_DICT || status == Z_DATA_ERROR || status == Z_MEM_ERROR || status == Z_STREAM_ERROR) {
                inflateEnd(&stream);
                fclose(file);
                return -1;
            }
        } while (stream.avail_out == 0 && status != Z_STREAM_END);
    }
    inflateEnd(&stream);
    fclose(file);
    return status == Z_STREAM_END ? 0 : -1;
}

#endif
