/* NatFeats basics: text through NF_STDERR, NF_VERSION, the basepage. */
#include "rt.h"

int main(const u8 *basepage)
{
    put_str("Hello from a 68000 GEMDOS program\n");
    put_str("NF_VERSION = $");
    put_hex((u32)nf_call(nf_id("NF_VERSION")), 8);
    put_str("\n");
    put_str("unknown feature id = ");
    put_dec(nf_id("NF_NO_SUCH_FEATURE"));
    put_str("\n");
    char name[32];
    long len = nf_call(nf_id("NF_NAME"), name, (long)sizeof name);
    put_str(len > 0 && name[0] ? "NF_NAME gives a name\n" : "NF_NAME gives nothing\n");
    /* the basepage points at itself and at the text that follows it */
    put_str(*(const u32 *)basepage == (u32)basepage ? "basepage ok\n" : "basepage BAD\n");
    put_str(*(const u32 *)(basepage + 8) == (u32)basepage + 256 ? "text base ok\n" : "text base BAD\n");
    put_str("exit code 0\n");
    return 0;
}
