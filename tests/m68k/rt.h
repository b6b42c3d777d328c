/* Tiny runtime for the 68000 test programs: NatFeats output and exit. */
#ifndef RT_H
#define RT_H
typedef unsigned long u32;
typedef long s32;
typedef unsigned short u16;
typedef short s16;
typedef unsigned char u8;

long nf_id(const char *name);
long nf_call(long id, ...);
void nf_puts(const char *s);          /* NF_STDERR */
void nf_exit(long code);              /* NF_EXIT */
void put_hex(u32 v, int digits);
void put_dec(s32 v);
void put_str(const char *s);
void flush(void);
#endif
