/* disasm_slots: writes every 68000 opcode word in its own 16-byte slot
 * (opcode at op * 16, then the extension words $0012 $0034 $0056 $0078 and
 * NOPs) to stdout: 1 MiB for the disassembler round trip. */
#include <stdio.h>

int main(void)
{
    static const unsigned ext[7] = {0x0012, 0x0034, 0x0056, 0x0078, 0x4e71, 0x4e71, 0x4e71};
    for (unsigned op = 0; op < 65536; op++) {
        putchar((int)(op >> 8));
        putchar((int)(op & 255));
        for (int i = 0; i < 7; i++) {
            putchar((int)(ext[i] >> 8));
            putchar((int)(ext[i] & 255));
        }
    }
    return fflush(stdout) != 0;
}
