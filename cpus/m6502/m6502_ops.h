/* The 6502 family's opcode lists: the one place that says, per opcode,
 * mnemonic, addressing mode, how the executor runs it and its flow kind.
 * The executor (m6502_exec.inc) and the disassembler (m6502_disasm.c) both
 * expand these lists, so they cannot disagree.
 *
 * X(opcode, MNEMONIC, MODE, KIND, FLOW)
 *  KIND  R read: operand fetched by MODE, then DO_<MN>(v)
 *        W write: address by MODE (write timing), then writes VAL_<MN>
 *        M read-modify-write: v = RD, dummy access, WR(DO_<MN>(v))
 *        A accumulator: dummy read of PC, A = DO_<MN>(A)
 *        B conditional branch (COND_<MN>), K branch always (BRA)
 *        Z bit branch (BBRn/BBSn), Q one-cycle NOP (65C02 $x3/$xB)
 *        I, T, H: own sequence OP_<MN>() (implied, BRK, halt)
 *        S: own sequence written by hand in the executor for this opcode
 *  FLOW  N none, B branch, J jump, C call, R return, T trap, H halt
 *
 * Generated once from a table by hand; edit this file directly.
 */
#ifndef FDX_M6502_OPS_H
#define FDX_M6502_OPS_H

#define M6502_NMOS_OPS(X) \
    X(0x00, BRK, IMP, T, T) X(0x01, ORA, IZX, R, N) X(0x02, JAM, IMP, H, H) X(0x03, SLO, IZX, M, N) X(0x04, NOP, ZP, R, N) X(0x05, ORA, ZP, R, N) X(0x06, ASL, ZP, M, N) X(0x07, SLO, ZP, M, N) \
    X(0x08, PHP, IMP, I, N) X(0x09, ORA, IMM, R, N) X(0x0A, ASL, ACC, A, N) X(0x0B, ANC, IMM, R, N) X(0x0C, NOP, ABS, S, N) X(0x0D, ORA, ABS, R, N) X(0x0E, ASL, ABS, M, N) X(0x0F, SLO, ABS, M, N) \
    X(0x10, BPL, REL, B, B) X(0x11, ORA, IZY, R, N) X(0x12, JAM, IMP, H, H) X(0x13, SLO, IZY, M, N) X(0x14, NOP, ZPX, R, N) X(0x15, ORA, ZPX, R, N) X(0x16, ASL, ZPX, M, N) X(0x17, SLO, ZPX, M, N) \
    X(0x18, CLC, IMP, I, N) X(0x19, ORA, ABY, R, N) X(0x1A, NOP, IMP, I, N) X(0x1B, SLO, ABY, M, N) X(0x1C, NOP, ABX, S, N) X(0x1D, ORA, ABX, R, N) X(0x1E, ASL, ABX, M, N) X(0x1F, SLO, ABX, M, N) \
    X(0x20, JSR, ABS, I, C) X(0x21, AND, IZX, R, N) X(0x22, JAM, IMP, H, H) X(0x23, RLA, IZX, M, N) X(0x24, BIT, ZP, R, N) X(0x25, AND, ZP, R, N) X(0x26, ROL, ZP, M, N) X(0x27, RLA, ZP, M, N) \
    X(0x28, PLP, IMP, I, N) X(0x29, AND, IMM, R, N) X(0x2A, ROL, ACC, A, N) X(0x2B, ANC, IMM, R, N) X(0x2C, BIT, ABS, R, N) X(0x2D, AND, ABS, R, N) X(0x2E, ROL, ABS, M, N) X(0x2F, RLA, ABS, M, N) \
    X(0x30, BMI, REL, B, B) X(0x31, AND, IZY, R, N) X(0x32, JAM, IMP, H, H) X(0x33, RLA, IZY, M, N) X(0x34, NOP, ZPX, R, N) X(0x35, AND, ZPX, R, N) X(0x36, ROL, ZPX, M, N) X(0x37, RLA, ZPX, M, N) \
    X(0x38, SEC, IMP, I, N) X(0x39, AND, ABY, R, N) X(0x3A, NOP, IMP, I, N) X(0x3B, RLA, ABY, M, N) X(0x3C, NOP, ABX, S, N) X(0x3D, AND, ABX, R, N) X(0x3E, ROL, ABX, M, N) X(0x3F, RLA, ABX, M, N) \
    X(0x40, RTI, IMP, I, R) X(0x41, EOR, IZX, R, N) X(0x42, JAM, IMP, H, H) X(0x43, SRE, IZX, M, N) X(0x44, NOP, ZP, R, N) X(0x45, EOR, ZP, R, N) X(0x46, LSR, ZP, M, N) X(0x47, SRE, ZP, M, N) \
    X(0x48, PHA, IMP, I, N) X(0x49, EOR, IMM, R, N) X(0x4A, LSR, ACC, A, N) X(0x4B, ALR, IMM, R, N) X(0x4C, JMP, ABS, S, J) X(0x4D, EOR, ABS, R, N) X(0x4E, LSR, ABS, M, N) X(0x4F, SRE, ABS, M, N) \
    X(0x50, BVC, REL, B, B) X(0x51, EOR, IZY, R, N) X(0x52, JAM, IMP, H, H) X(0x53, SRE, IZY, M, N) X(0x54, NOP, ZPX, R, N) X(0x55, EOR, ZPX, R, N) X(0x56, LSR, ZPX, M, N) X(0x57, SRE, ZPX, M, N) \
    X(0x58, CLI, IMP, I, N) X(0x59, EOR, ABY, R, N) X(0x5A, NOP, IMP, I, N) X(0x5B, SRE, ABY, M, N) X(0x5C, NOP, ABX, S, N) X(0x5D, EOR, ABX, R, N) X(0x5E, LSR, ABX, M, N) X(0x5F, SRE, ABX, M, N) \
    X(0x60, RTS, IMP, I, R) X(0x61, ADC, IZX, R, N) X(0x62, JAM, IMP, H, H) X(0x63, RRA, IZX, M, N) X(0x64, NOP, ZP, R, N) X(0x65, ADC, ZP, R, N) X(0x66, ROR, ZP, M, N) X(0x67, RRA, ZP, M, N) \
    X(0x68, PLA, IMP, I, N) X(0x69, ADC, IMM, R, N) X(0x6A, ROR, ACC, A, N) X(0x6B, ARR, IMM, R, N) X(0x6C, JMP, IND, S, J) X(0x6D, ADC, ABS, R, N) X(0x6E, ROR, ABS, M, N) X(0x6F, RRA, ABS, M, N) \
    X(0x70, BVS, REL, B, B) X(0x71, ADC, IZY, R, N) X(0x72, JAM, IMP, H, H) X(0x73, RRA, IZY, M, N) X(0x74, NOP, ZPX, R, N) X(0x75, ADC, ZPX, R, N) X(0x76, ROR, ZPX, M, N) X(0x77, RRA, ZPX, M, N) \
    X(0x78, SEI, IMP, I, N) X(0x79, ADC, ABY, R, N) X(0x7A, NOP, IMP, I, N) X(0x7B, RRA, ABY, M, N) X(0x7C, NOP, ABX, S, N) X(0x7D, ADC, ABX, R, N) X(0x7E, ROR, ABX, M, N) X(0x7F, RRA, ABX, M, N) \
    X(0x80, NOP, IMM, R, N) X(0x81, STA, IZX, W, N) X(0x82, NOP, IMM, R, N) X(0x83, SAX, IZX, W, N) X(0x84, STY, ZP, W, N) X(0x85, STA, ZP, W, N) X(0x86, STX, ZP, W, N) X(0x87, SAX, ZP, W, N) \
    X(0x88, DEY, IMP, I, N) X(0x89, NOP, IMM, R, N) X(0x8A, TXA, IMP, I, N) X(0x8B, ANE, IMM, R, N) X(0x8C, STY, ABS, W, N) X(0x8D, STA, ABS, W, N) X(0x8E, STX, ABS, W, N) X(0x8F, SAX, ABS, W, N) \
    X(0x90, BCC, REL, B, B) X(0x91, STA, IZY, W, N) X(0x92, JAM, IMP, H, H) X(0x93, SHA, IZY, W, N) X(0x94, STY, ZPX, W, N) X(0x95, STA, ZPX, W, N) X(0x96, STX, ZPY, W, N) X(0x97, SAX, ZPY, W, N) \
    X(0x98, TYA, IMP, I, N) X(0x99, STA, ABY, W, N) X(0x9A, TXS, IMP, I, N) X(0x9B, TAS, ABY, W, N) X(0x9C, SHY, ABX, W, N) X(0x9D, STA, ABX, W, N) X(0x9E, SHX, ABY, W, N) X(0x9F, SHA, ABY, W, N) \
    X(0xA0, LDY, IMM, R, N) X(0xA1, LDA, IZX, R, N) X(0xA2, LDX, IMM, R, N) X(0xA3, LAX, IZX, R, N) X(0xA4, LDY, ZP, R, N) X(0xA5, LDA, ZP, R, N) X(0xA6, LDX, ZP, R, N) X(0xA7, LAX, ZP, R, N) \
    X(0xA8, TAY, IMP, I, N) X(0xA9, LDA, IMM, R, N) X(0xAA, TAX, IMP, I, N) X(0xAB, LXA, IMM, R, N) X(0xAC, LDY, ABS, R, N) X(0xAD, LDA, ABS, R, N) X(0xAE, LDX, ABS, R, N) X(0xAF, LAX, ABS, R, N) \
    X(0xB0, BCS, REL, B, B) X(0xB1, LDA, IZY, R, N) X(0xB2, JAM, IMP, H, H) X(0xB3, LAX, IZY, R, N) X(0xB4, LDY, ZPX, R, N) X(0xB5, LDA, ZPX, R, N) X(0xB6, LDX, ZPY, R, N) X(0xB7, LAX, ZPY, R, N) \
    X(0xB8, CLV, IMP, I, N) X(0xB9, LDA, ABY, R, N) X(0xBA, TSX, IMP, I, N) X(0xBB, LAS, ABY, R, N) X(0xBC, LDY, ABX, R, N) X(0xBD, LDA, ABX, R, N) X(0xBE, LDX, ABY, R, N) X(0xBF, LAX, ABY, R, N) \
    X(0xC0, CPY, IMM, R, N) X(0xC1, CMP, IZX, R, N) X(0xC2, NOP, IMM, R, N) X(0xC3, DCP, IZX, M, N) X(0xC4, CPY, ZP, R, N) X(0xC5, CMP, ZP, R, N) X(0xC6, DEC, ZP, M, N) X(0xC7, DCP, ZP, M, N) \
    X(0xC8, INY, IMP, I, N) X(0xC9, CMP, IMM, R, N) X(0xCA, DEX, IMP, I, N) X(0xCB, SBX, IMM, R, N) X(0xCC, CPY, ABS, R, N) X(0xCD, CMP, ABS, R, N) X(0xCE, DEC, ABS, M, N) X(0xCF, DCP, ABS, M, N) \
    X(0xD0, BNE, REL, B, B) X(0xD1, CMP, IZY, R, N) X(0xD2, JAM, IMP, H, H) X(0xD3, DCP, IZY, M, N) X(0xD4, NOP, ZPX, R, N) X(0xD5, CMP, ZPX, R, N) X(0xD6, DEC, ZPX, M, N) X(0xD7, DCP, ZPX, M, N) \
    X(0xD8, CLD, IMP, I, N) X(0xD9, CMP, ABY, R, N) X(0xDA, NOP, IMP, I, N) X(0xDB, DCP, ABY, M, N) X(0xDC, NOP, ABX, S, N) X(0xDD, CMP, ABX, R, N) X(0xDE, DEC, ABX, M, N) X(0xDF, DCP, ABX, M, N) \
    X(0xE0, CPX, IMM, R, N) X(0xE1, SBC, IZX, R, N) X(0xE2, NOP, IMM, R, N) X(0xE3, ISC, IZX, M, N) X(0xE4, CPX, ZP, R, N) X(0xE5, SBC, ZP, R, N) X(0xE6, INC, ZP, M, N) X(0xE7, ISC, ZP, M, N) \
    X(0xE8, INX, IMP, I, N) X(0xE9, SBC, IMM, R, N) X(0xEA, NOP, IMP, I, N) X(0xEB, SBC, IMM, R, N) X(0xEC, CPX, ABS, R, N) X(0xED, SBC, ABS, R, N) X(0xEE, INC, ABS, M, N) X(0xEF, ISC, ABS, M, N) \
    X(0xF0, BEQ, REL, B, B) X(0xF1, SBC, IZY, R, N) X(0xF2, JAM, IMP, H, H) X(0xF3, ISC, IZY, M, N) X(0xF4, NOP, ZPX, R, N) X(0xF5, SBC, ZPX, R, N) X(0xF6, INC, ZPX, M, N) X(0xF7, ISC, ZPX, M, N) \
    X(0xF8, SED, IMP, I, N) X(0xF9, SBC, ABY, R, N) X(0xFA, NOP, IMP, I, N) X(0xFB, ISC, ABY, M, N) X(0xFC, NOP, ABX, S, N) X(0xFD, SBC, ABX, R, N) X(0xFE, INC, ABX, M, N) X(0xFF, ISC, ABX, M, N)

#define M6502_CMOS_OPS(X) \
    X(0x00, BRK, IMP, T, T) X(0x01, ORA, IZX, R, N) X(0x02, NOP, IMM, R, N) X(0x03, NOP, IMP, Q, N) X(0x04, TSB, ZP, M, N) X(0x05, ORA, ZP, R, N) X(0x06, ASL, ZP, M, N) X(0x07, RMB0, ZP, M, N) \
    X(0x08, PHP, IMP, I, N) X(0x09, ORA, IMM, R, N) X(0x0A, ASL, ACC, A, N) X(0x0B, NOP, IMP, Q, N) X(0x0C, TSB, ABS, M, N) X(0x0D, ORA, ABS, R, N) X(0x0E, ASL, ABS, M, N) X(0x0F, BBR0, ZPR, Z, B) \
    X(0x10, BPL, REL, B, B) X(0x11, ORA, IZY, R, N) X(0x12, ORA, IZP, R, N) X(0x13, NOP, IMP, Q, N) X(0x14, TRB, ZP, M, N) X(0x15, ORA, ZPX, R, N) X(0x16, ASL, ZPX, M, N) X(0x17, RMB1, ZP, M, N) \
    X(0x18, CLC, IMP, I, N) X(0x19, ORA, ABY, R, N) X(0x1A, INC, ACC, A, N) X(0x1B, NOP, IMP, Q, N) X(0x1C, TRB, ABS, M, N) X(0x1D, ORA, ABX, R, N) X(0x1E, ASL, ABX, M, N) X(0x1F, BBR1, ZPR, Z, B) \
    X(0x20, JSR, ABS, I, C) X(0x21, AND, IZX, R, N) X(0x22, NOP, IMM, R, N) X(0x23, NOP, IMP, Q, N) X(0x24, BIT, ZP, R, N) X(0x25, AND, ZP, R, N) X(0x26, ROL, ZP, M, N) X(0x27, RMB2, ZP, M, N) \
    X(0x28, PLP, IMP, I, N) X(0x29, AND, IMM, R, N) X(0x2A, ROL, ACC, A, N) X(0x2B, NOP, IMP, Q, N) X(0x2C, BIT, ABS, R, N) X(0x2D, AND, ABS, R, N) X(0x2E, ROL, ABS, M, N) X(0x2F, BBR2, ZPR, Z, B) \
    X(0x30, BMI, REL, B, B) X(0x31, AND, IZY, R, N) X(0x32, AND, IZP, R, N) X(0x33, NOP, IMP, Q, N) X(0x34, BIT, ZPX, R, N) X(0x35, AND, ZPX, R, N) X(0x36, ROL, ZPX, M, N) X(0x37, RMB3, ZP, M, N) \
    X(0x38, SEC, IMP, I, N) X(0x39, AND, ABY, R, N) X(0x3A, DEC, ACC, A, N) X(0x3B, NOP, IMP, Q, N) X(0x3C, BIT, ABX, R, N) X(0x3D, AND, ABX, R, N) X(0x3E, ROL, ABX, M, N) X(0x3F, BBR3, ZPR, Z, B) \
    X(0x40, RTI, IMP, I, R) X(0x41, EOR, IZX, R, N) X(0x42, NOP, IMM, R, N) X(0x43, NOP, IMP, Q, N) X(0x44, NOP, ZP, R, N) X(0x45, EOR, ZP, R, N) X(0x46, LSR, ZP, M, N) X(0x47, RMB4, ZP, M, N) \
    X(0x48, PHA, IMP, I, N) X(0x49, EOR, IMM, R, N) X(0x4A, LSR, ACC, A, N) X(0x4B, NOP, IMP, Q, N) X(0x4C, JMP, ABS, S, J) X(0x4D, EOR, ABS, R, N) X(0x4E, LSR, ABS, M, N) X(0x4F, BBR4, ZPR, Z, B) \
    X(0x50, BVC, REL, B, B) X(0x51, EOR, IZY, R, N) X(0x52, EOR, IZP, R, N) X(0x53, NOP, IMP, Q, N) X(0x54, NOP, ZPX, R, N) X(0x55, EOR, ZPX, R, N) X(0x56, LSR, ZPX, M, N) X(0x57, RMB5, ZP, M, N) \
    X(0x58, CLI, IMP, I, N) X(0x59, EOR, ABY, R, N) X(0x5A, PHY, IMP, I, N) X(0x5B, NOP, IMP, Q, N) X(0x5C, NOP, ABS, S, N) X(0x5D, EOR, ABX, R, N) X(0x5E, LSR, ABX, M, N) X(0x5F, BBR5, ZPR, Z, B) \
    X(0x60, RTS, IMP, I, R) X(0x61, ADC, IZX, R, N) X(0x62, NOP, IMM, R, N) X(0x63, NOP, IMP, Q, N) X(0x64, STZ, ZP, W, N) X(0x65, ADC, ZP, R, N) X(0x66, ROR, ZP, M, N) X(0x67, RMB6, ZP, M, N) \
    X(0x68, PLA, IMP, I, N) X(0x69, ADC, IMM, R, N) X(0x6A, ROR, ACC, A, N) X(0x6B, NOP, IMP, Q, N) X(0x6C, JMP, IND, S, J) X(0x6D, ADC, ABS, R, N) X(0x6E, ROR, ABS, M, N) X(0x6F, BBR6, ZPR, Z, B) \
    X(0x70, BVS, REL, B, B) X(0x71, ADC, IZY, R, N) X(0x72, ADC, IZP, R, N) X(0x73, NOP, IMP, Q, N) X(0x74, STZ, ZPX, W, N) X(0x75, ADC, ZPX, R, N) X(0x76, ROR, ZPX, M, N) X(0x77, RMB7, ZP, M, N) \
    X(0x78, SEI, IMP, I, N) X(0x79, ADC, ABY, R, N) X(0x7A, PLY, IMP, I, N) X(0x7B, NOP, IMP, Q, N) X(0x7C, JMP, IAX, S, J) X(0x7D, ADC, ABX, R, N) X(0x7E, ROR, ABX, M, N) X(0x7F, BBR7, ZPR, Z, B) \
    X(0x80, BRA, REL, K, J) X(0x81, STA, IZX, W, N) X(0x82, NOP, IMM, R, N) X(0x83, NOP, IMP, Q, N) X(0x84, STY, ZP, W, N) X(0x85, STA, ZP, W, N) X(0x86, STX, ZP, W, N) X(0x87, SMB0, ZP, M, N) \
    X(0x88, DEY, IMP, I, N) X(0x89, BIT, IMM, S, N) X(0x8A, TXA, IMP, I, N) X(0x8B, NOP, IMP, Q, N) X(0x8C, STY, ABS, W, N) X(0x8D, STA, ABS, W, N) X(0x8E, STX, ABS, W, N) X(0x8F, BBS0, ZPR, Z, B) \
    X(0x90, BCC, REL, B, B) X(0x91, STA, IZY, W, N) X(0x92, STA, IZP, W, N) X(0x93, NOP, IMP, Q, N) X(0x94, STY, ZPX, W, N) X(0x95, STA, ZPX, W, N) X(0x96, STX, ZPY, W, N) X(0x97, SMB1, ZP, M, N) \
    X(0x98, TYA, IMP, I, N) X(0x99, STA, ABY, W, N) X(0x9A, TXS, IMP, I, N) X(0x9B, NOP, IMP, Q, N) X(0x9C, STZ, ABS, W, N) X(0x9D, STA, ABX, W, N) X(0x9E, STZ, ABX, W, N) X(0x9F, BBS1, ZPR, Z, B) \
    X(0xA0, LDY, IMM, R, N) X(0xA1, LDA, IZX, R, N) X(0xA2, LDX, IMM, R, N) X(0xA3, NOP, IMP, Q, N) X(0xA4, LDY, ZP, R, N) X(0xA5, LDA, ZP, R, N) X(0xA6, LDX, ZP, R, N) X(0xA7, SMB2, ZP, M, N) \
    X(0xA8, TAY, IMP, I, N) X(0xA9, LDA, IMM, R, N) X(0xAA, TAX, IMP, I, N) X(0xAB, NOP, IMP, Q, N) X(0xAC, LDY, ABS, R, N) X(0xAD, LDA, ABS, R, N) X(0xAE, LDX, ABS, R, N) X(0xAF, BBS2, ZPR, Z, B) \
    X(0xB0, BCS, REL, B, B) X(0xB1, LDA, IZY, R, N) X(0xB2, LDA, IZP, R, N) X(0xB3, NOP, IMP, Q, N) X(0xB4, LDY, ZPX, R, N) X(0xB5, LDA, ZPX, R, N) X(0xB6, LDX, ZPY, R, N) X(0xB7, SMB3, ZP, M, N) \
    X(0xB8, CLV, IMP, I, N) X(0xB9, LDA, ABY, R, N) X(0xBA, TSX, IMP, I, N) X(0xBB, NOP, IMP, Q, N) X(0xBC, LDY, ABX, R, N) X(0xBD, LDA, ABX, R, N) X(0xBE, LDX, ABY, R, N) X(0xBF, BBS3, ZPR, Z, B) \
    X(0xC0, CPY, IMM, R, N) X(0xC1, CMP, IZX, R, N) X(0xC2, NOP, IMM, R, N) X(0xC3, NOP, IMP, Q, N) X(0xC4, CPY, ZP, R, N) X(0xC5, CMP, ZP, R, N) X(0xC6, DEC, ZP, M, N) X(0xC7, SMB4, ZP, M, N) \
    X(0xC8, INY, IMP, I, N) X(0xC9, CMP, IMM, R, N) X(0xCA, DEX, IMP, I, N) X(0xCB, WAI, IMP, I, N) X(0xCC, CPY, ABS, R, N) X(0xCD, CMP, ABS, R, N) X(0xCE, DEC, ABS, M, N) X(0xCF, BBS4, ZPR, Z, B) \
    X(0xD0, BNE, REL, B, B) X(0xD1, CMP, IZY, R, N) X(0xD2, CMP, IZP, R, N) X(0xD3, NOP, IMP, Q, N) X(0xD4, NOP, ZPX, R, N) X(0xD5, CMP, ZPX, R, N) X(0xD6, DEC, ZPX, M, N) X(0xD7, SMB5, ZP, M, N) \
    X(0xD8, CLD, IMP, I, N) X(0xD9, CMP, ABY, R, N) X(0xDA, PHX, IMP, I, N) X(0xDB, STP, IMP, H, H) X(0xDC, NOP, ABS, S, N) X(0xDD, CMP, ABX, R, N) X(0xDE, DEC, ABX, M, N) X(0xDF, BBS5, ZPR, Z, B) \
    X(0xE0, CPX, IMM, R, N) X(0xE1, SBC, IZX, R, N) X(0xE2, NOP, IMM, R, N) X(0xE3, NOP, IMP, Q, N) X(0xE4, CPX, ZP, R, N) X(0xE5, SBC, ZP, R, N) X(0xE6, INC, ZP, M, N) X(0xE7, SMB6, ZP, M, N) \
    X(0xE8, INX, IMP, I, N) X(0xE9, SBC, IMM, R, N) X(0xEA, NOP, IMP, I, N) X(0xEB, NOP, IMP, Q, N) X(0xEC, CPX, ABS, R, N) X(0xED, SBC, ABS, R, N) X(0xEE, INC, ABS, M, N) X(0xEF, BBS6, ZPR, Z, B) \
    X(0xF0, BEQ, REL, B, B) X(0xF1, SBC, IZY, R, N) X(0xF2, SBC, IZP, R, N) X(0xF3, NOP, IMP, Q, N) X(0xF4, NOP, ZPX, R, N) X(0xF5, SBC, ZPX, R, N) X(0xF6, INC, ZPX, M, N) X(0xF7, SMB7, ZP, M, N) \
    X(0xF8, SED, IMP, I, N) X(0xF9, SBC, ABY, R, N) X(0xFA, PLX, IMP, I, N) X(0xFB, NOP, IMP, Q, N) X(0xFC, NOP, ABS, S, N) X(0xFD, SBC, ABX, R, N) X(0xFE, INC, ABX, M, N) X(0xFF, BBS7, ZPR, Z, B)

#endif
