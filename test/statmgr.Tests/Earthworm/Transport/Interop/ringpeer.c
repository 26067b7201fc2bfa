/*
 * ringpeer: an independent C peer for the port's ring interop tests, written from the field layouts
 * of Earthworm's SHM_HEAD and TPORT_HEAD alone (no Earthworm code). It speaks the native SHM_HEAD /
 * TPORT_HEAD layout of the compiler (LP64 on x86-64, ILP32 when built with -m32), locks like C writers (semop without SEM_UNDO) and fills record
 * padding with 0xA5 so that a reader that looks at padding fails.
 *
 * Usage: ringpeer KEY, then one command per line on stdin, one answer line each on stdout:
 *   create NBYTES           -> ok
 *   attach                  -> ok
 *   head                    -> head NBYTES KEYMAX KEYIN KEYOLD FLAG
 *   put TYPE MOD INST HEX   -> ok SEQ START   (HEX is the body, "-" for empty; START is the record's key)
 *   get                     -> msg TYPE MOD INST SEQ LEN HEX | none | lapped | corrupt KEY
 *   quit
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>

typedef struct {
    long nbytes;
    unsigned long keymax;
    volatile unsigned long keyin;
    volatile unsigned long keyold;
    volatile int flag;
} ring_head;

typedef struct {
    unsigned char type;
    unsigned char mod;
    unsigned char inst;
} msg_logo;

typedef struct {
    char start;
    long size;
    msg_logo logo;
    unsigned char seq;
} record_head;

_Static_assert(sizeof(long) != 8 || sizeof(ring_head) == 40, "LP64 SHM_HEAD is 40 bytes");
_Static_assert(sizeof(long) != 8 || sizeof(record_head) == 24, "LP64 TPORT_HEAD is 24 bytes");
_Static_assert(sizeof(long) != 4 || sizeof(ring_head) == 20, "ILP32 SHM_HEAD is 20 bytes");
_Static_assert(sizeof(long) != 4 || sizeof(record_head) == 12, "ILP32 TPORT_HEAD is 12 bytes");

static key_t ring_key;
static ring_head *head;
static unsigned char *data;
static int sem_id = -1;
static unsigned long read_pos;

static struct { msg_logo logo; unsigned char next; } seqs[64];
static int nseqs;

static void copy_out(unsigned long key, void *dst, size_t n)
{
    size_t at = key % head->keymax, first = head->keymax - at;
    if (first > n) first = n;
    memcpy(dst, data + at, first);
    memcpy((unsigned char *)dst + first, data, n - first);
}

static void copy_in(unsigned long key, const void *src, size_t n)
{
    size_t at = key % head->keymax, first = head->keymax - at;
    if (first > n) first = n;
    memcpy(data + at, src, first);
    memcpy(data, (const unsigned char *)src + first, n - first);
}

static int lock(int op)
{
    struct sembuf sb = { 0, (short)op, 0 };
    return semop(sem_id, &sb, 1);
}

static int map_segment(int id)
{
    void *p = shmat(id, NULL, 0);
    if (p == (void *)-1) return -1;
    head = p;
    data = (unsigned char *)p + sizeof(ring_head);
    read_pos = head->keyold;
    return 0;
}

static int do_create(long nbytes)
{
    int id = shmget(ring_key, 0, 0);
    if (id >= 0) shmctl(id, IPC_RMID, NULL);
    id = shmget(ring_key, (size_t)nbytes, IPC_CREAT | 0666);
    if (id < 0 || map_segment(id) != 0) return -1;
    head->nbytes = nbytes;
    head->keymax = nbytes - sizeof(ring_head);
    head->keyin = head->keyold = 0;
    head->flag = 0;
    read_pos = 0;
    sem_id = semget(ring_key, 1, IPC_CREAT | 0666);
    if (sem_id < 0) return -1;
    return semctl(sem_id, 0, SETVAL, 1);
}

static int do_attach(void)
{
    int id = shmget(ring_key, 0, 0);
    if (id < 0 || map_segment(id) != 0) return -1;
    sem_id = semget(ring_key, 1, 0);
    return sem_id < 0 ? -1 : 0;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void do_put(unsigned type, unsigned mod, unsigned inst, const char *hex)
{
    static unsigned char body[1 << 16];
    size_t len = 0, i;
    if (strcmp(hex, "-") != 0)
        for (i = 0; hex[i] && hex[i + 1]; i += 2) body[len++] = (unsigned char)(hex_value(hex[i]) * 16 + hex_value(hex[i + 1]));

    unsigned long need = sizeof(record_head) + len;
    if (need > head->keymax) { printf("toobig\n"); return; }
    if (lock(-1) != 0) { printf("error lock %d\n", errno); return; }

    msg_logo logo = { (unsigned char)type, (unsigned char)mod, (unsigned char)inst };
    int s;
    for (s = 0; s < nseqs; s++)
        if (memcmp(&seqs[s].logo, &logo, sizeof logo) == 0) break;
    if (s == nseqs) { seqs[s].logo = logo; seqs[s].next = 0; nseqs++; }
    unsigned char seq = seqs[s].next++;

    unsigned long keyin = head->keyin, keyold = head->keyold;
    if (keyin + need < keyold) {
        keyin %= head->keymax;
        keyold %= head->keymax;
        if (keyin <= keyold) keyin += head->keymax;
        head->keyold = keyold;
        head->keyin = keyin;
    }
    while (keyin + need - keyold > head->keymax) {
        record_head old;
        copy_out(keyold, &old, sizeof old);
        if (old.start != 'o') { lock(1); printf("corrupt %lu\n", keyold); return; }
        keyold += sizeof(record_head) + old.size;
    }
    head->keyold = keyold;
    __sync_synchronize();

    record_head rec;
    memset(&rec, 0xA5, sizeof rec);
    rec.start = 'o';
    rec.size = (long)len;
    rec.logo = logo;
    rec.seq = seq;
    copy_in(keyin, &rec, sizeof rec);
    copy_in(keyin + sizeof rec, body, len);
    __sync_synchronize();
    head->keyin = keyin + need;
    lock(1);
    printf("ok %u %lu\n", seq, keyin);
}

static void do_get(void)
{
    static unsigned char body[1 << 16];
    if (read_pos < head->keyold) {
        read_pos = head->keyold;
        printf("lapped\n");
        return;
    }
    if (read_pos >= head->keyin) { printf("none\n"); return; }
    record_head rec;
    copy_out(read_pos, &rec, sizeof rec);
    if (rec.start != 'o' || rec.size < 0 || (unsigned long)rec.size > head->keymax) {
        printf("corrupt %lu\n", read_pos);
        return;
    }
    copy_out(read_pos + sizeof rec, body, (size_t)rec.size);
    read_pos += sizeof rec + rec.size;
    printf("msg %u %u %u %u %ld ", rec.logo.type, rec.logo.mod, rec.logo.inst, rec.seq, rec.size);
    if (rec.size == 0) printf("-");
    for (long i = 0; i < rec.size; i++) printf("%02X", body[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    static char line[1 << 18];
    if (argc != 2) { fprintf(stderr, "usage: ringpeer KEY\n"); return 2; }
    ring_key = (key_t)strtol(argv[1], NULL, 10);
    while (fgets(line, sizeof line, stdin)) {
        char cmd[16] = "", hex[sizeof line];
        long n;
        unsigned t, m, i;
        sscanf(line, "%15s", cmd);
        if (strcmp(cmd, "create") == 0 && sscanf(line, "%*s %ld", &n) == 1)
            printf(do_create(n) == 0 ? "ok\n" : "error create %d\n", errno);
        else if (strcmp(cmd, "attach") == 0)
            printf(do_attach() == 0 ? "ok\n" : "error attach %d\n", errno);
        else if (strcmp(cmd, "head") == 0)
            printf("head %ld %lu %lu %lu %d\n", head->nbytes, head->keymax, head->keyin, head->keyold, head->flag);
        else if (strcmp(cmd, "put") == 0 && sscanf(line, "%*s %u %u %u %s", &t, &m, &i, hex) == 4)
            do_put(t, m, i, hex);
        else if (strcmp(cmd, "get") == 0)
            do_get();
        else if (strcmp(cmd, "quit") == 0)
            break;
        else
            printf("error unknown %s", line);
        fflush(stdout);
    }
    if (head) shmdt(head);
    return 0;
}
