#ifndef REVTRACK_CLIBGIT2_SHIM_H
#define REVTRACK_CLIBGIT2_SHIM_H

#include <git2.h>
#include <git2/sys/mempack.h>
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

/* Bulk import: objects written to an in-memory store attached to the
   repository's object database (above the disk backends, so writes land
   there and reads still find what is on disk), then written out as one pack
   with its index, as git fast-import does, instead of one loose file each. */
static inline int revtrack_mempack_attach(git_repository *repo, git_odb_backend **out) {
    git_odb *odb = NULL;
    int error = git_repository_odb(&odb, repo);
    if (error) return error;
    error = git_mempack_new(out);
    if (!error) error = git_odb_add_backend(odb, *out, 1000);
    git_odb_free(odb);
    return error;
}

/* Writes the in-memory objects as a pack and index into pack_dir (fsynced
   when libgit2's fsync option is on), empties the store, and lets the
   database see the new pack. */
static inline int revtrack_mempack_flush(git_repository *repo, git_odb_backend *mempack, const char *pack_dir) {
    git_buf pack = { 0 };
    git_odb *odb = NULL;
    git_indexer *indexer = NULL;
    git_indexer_progress stats = { 0 };
    int error = git_mempack_dump(&pack, repo, mempack);
    if (!error) error = git_repository_odb(&odb, repo);
    if (!error) error = git_indexer_new(&indexer, pack_dir, 0, odb, NULL);
    if (!error) error = git_indexer_append(indexer, pack.ptr, pack.size, &stats);
    if (!error) error = git_indexer_commit(indexer, &stats);
    git_indexer_free(indexer);
    git_buf_dispose(&pack);
    if (!error) error = git_mempack_reset(mempack);
    if (!error) error = git_odb_refresh(odb);
    git_odb_free(odb);
    return error;
}

#endif
