#!/usr/bin/env python3
"""Generates m68k_table.c and m68k_table.h from the 68000 opcode spec below.

The spec is the one place that says which opcode words are which
instruction: each entry gives the bit pattern, the allowed addressing
modes, the handler (the C function that executes it, in m68k_exec.inc) and
the disassembly format (interpreted by m68k_disasm.c). Handlers for sized
instructions are instantiated per size ("ss" in the pattern).

Run: python3 gen_table.py   (writes the two files next to this script)
"""
import os

# Addressing-mode letters: d Dn, a An, m (An), + (An)+, - -(An), w (d16,An),
# x (d8,An,Xn), W abs.w, L abs.l, p (d16,PC), P (d8,PC,Xn), i #imm
ALL = "dam+-wxWLpPi"
DATA = "dm+-wxWLpPi"
MEM = "m+-wxWLpPi"
ALT = "dam+-wxWL"
DALT = "dm+-wxWL"
MALT = "m+-wxWL"
CTRL = "mwxWLpP"
CALT = "mwxWL"

def ea_letter(mode, reg):
    if mode < 7:
        return "dam+-wx"[mode]
    return {0: "W", 1: "L", 2: "p", 3: "P", 4: "i"}.get(reg, "?")

# (pattern, src ea set or None, dst ea set or None, handler, format)
# pattern: 16 chars of 0/1/. ; "ss" marks a size field expanded to b/w/l.
# Earlier entries win.
SPEC = [
    # ---- 0000: immediate, bit ops, MOVEP
    ("0000000000111100", None, None, "ori_ccr", "ORI #b,CCR"),
    ("0000000001111100", None, None, "ori_sr", "ORI #w,SR"),
    ("0000001000111100", None, None, "andi_ccr", "ANDI #b,CCR"),
    ("0000001001111100", None, None, "andi_sr", "ANDI #w,SR"),
    ("0000101000111100", None, None, "eori_ccr", "EORI #b,CCR"),
    ("0000101001111100", None, None, "eori_sr", "EORI #w,SR"),
    ("00000000ss......", DALT, None, "ori", "ORI.s #,e"),
    ("00000010ss......", DALT, None, "andi", "ANDI.s #,e"),
    ("00000100ss......", DALT, None, "subi", "SUBI.s #,e"),
    ("00000110ss......", DALT, None, "addi", "ADDI.s #,e"),
    ("00001010ss......", DALT, None, "eori", "EORI.s #,e"),
    ("00001100ss......", DALT, None, "cmpi", "CMPI.s #,e"),  # (PC) modes are 68020+
    ("0000...100001...", None, None, "movep_w_rm", "MOVEP.W o,D"),
    ("0000...101001...", None, None, "movep_l_rm", "MOVEP.L o,D"),
    ("0000...110001...", None, None, "movep_w_mr", "MOVEP.W D,o"),
    ("0000...111001...", None, None, "movep_l_mr", "MOVEP.L D,o"),
    ("0000100000......", DATA.replace("i", ""), None, "btst_s", "BTST #b,e"),
    ("0000100001......", DALT, None, "bchg_s", "BCHG #b,e"),
    ("0000100010......", DALT, None, "bclr_s", "BCLR #b,e"),
    ("0000100011......", DALT, None, "bset_s", "BSET #b,e"),
    ("0000...100......", DATA, None, "btst_r", "BTST D,e"),
    ("0000...101......", DALT, None, "bchg_r", "BCHG D,e"),
    ("0000...110......", DALT, None, "bclr_r", "BCLR D,e"),
    ("0000...111......", DALT, None, "bset_r", "BSET D,e"),
    # ---- MOVE / MOVEA (dst field checked separately)
    ("0001............", ALL.replace("a", ""), DALT, "move_b", "MOVE.B e,E"),
    ("0011...001......", ALL, None, "movea_w", "MOVEA.W e,A"),
    ("0010...001......", ALL, None, "movea_l", "MOVEA.L e,A"),
    ("0011............", ALL, DALT, "move_w", "MOVE.W e,E"),
    ("0010............", ALL, DALT, "move_l", "MOVE.L e,E"),
    # ---- 0100 miscellaneous
    ("0100000011......", DALT, None, "move_fr_sr", "MOVE SR,e"),
    ("01000000ss......", DALT, None, "negx", "NEGX.s e"),
    ("01000010ss......", DALT, None, "clr", "CLR.s e"),
    ("0100010011......", DATA, None, "move_to_ccr", "MOVE e,CCR"),
    ("01000100ss......", DALT, None, "neg", "NEG.s e"),
    ("0100011011......", DATA, None, "move_to_sr", "MOVE e,SR"),
    ("01000110ss......", DALT, None, "not", "NOT.s e"),
    ("0100100000......", DALT, None, "nbcd", "NBCD e"),
    ("0100100001000...", None, None, "swap", "SWAP d"),
    ("0100100001......", CTRL, None, "pea", "PEA e"),
    ("0100100010000...", None, None, "ext_w", "EXT.W d"),
    ("0100100011000...", None, None, "ext_l", "EXT.L d"),
    ("0100100010......", CALT + "-", None, "movem_w_rm", "MOVEM.W l,e"),
    ("0100100011......", CALT + "-", None, "movem_l_rm", "MOVEM.L l,e"),
    ("0100101011111100", None, None, "illegal", "ILLEGAL"),
    ("0100101011......", DALT, None, "tas", "TAS e"),
    ("01001010ss......", DALT, None, "tst", "TST.s e"),
    ("0100110010......", CTRL + "+", None, "movem_w_mr", "MOVEM.W e,l"),
    ("0100110011......", CTRL + "+", None, "movem_l_mr", "MOVEM.L e,l"),
    ("010011100100....", None, None, "trap", "TRAP #v"),
    ("0100111001010...", None, None, "link", "LINK a,#w"),
    ("0100111001011...", None, None, "unlk", "UNLK a"),
    ("0100111001100...", None, None, "move_to_usp", "MOVE a,USP"),
    ("0100111001101...", None, None, "move_fr_usp", "MOVE USP,a"),
    ("0100111001110000", None, None, "reset", "RESET"),
    ("0100111001110001", None, None, "nop", "NOP"),
    ("0100111001110010", None, None, "stop", "STOP #w"),
    ("0100111001110011", None, None, "rte", "RTE"),
    ("0100111001110101", None, None, "rts", "RTS"),
    ("0100111001110110", None, None, "trapv", "TRAPV"),
    ("0100111001110111", None, None, "rtr", "RTR"),
    ("0100111010......", CTRL, None, "jsr", "JSR e"),
    ("0100111011......", CTRL, None, "jmp", "JMP e"),
    ("0100...110......", DATA, None, "chk", "CHK.W e,D"),
    ("0100...111......", CTRL, None, "lea", "LEA e,A"),
    # ---- 0101
    ("0101....11001...", None, None, "dbcc", "DBcc d,B"),
    ("0101....11......", DALT, None, "scc", "Scc e"),
    ("0101...0ss001...", None, None, "addqa", "ADDQ.s q,a"),
    ("0101...1ss001...", None, None, "subqa", "SUBQ.s q,a"),
    ("0101...0ss......", ALT, None, "addq", "ADDQ.s q,e"),
    ("0101...1ss......", ALT, None, "subq", "SUBQ.s q,e"),
    # ---- 0110, 0111
    ("01100001........", None, None, "bsr", "BSR b"),
    ("0110............", None, None, "bcc", "Bcc b"),
    ("01110011........", None, None, "natfeat", "NATFEAT"),
    ("0111...0........", None, None, "moveq", "MOVEQ Q,D"),
    # ---- 1000 OR, DIV, SBCD
    ("1000...011......", DATA, None, "divu", "DIVU.W e,D"),
    ("1000...111......", DATA, None, "divs", "DIVS.W e,D"),
    ("1000...100000...", None, None, "sbcd_rr", "SBCD d,D"),
    ("1000...100001...", None, None, "sbcd_mm", "SBCD p,P"),
    ("1000...0ss......", DATA, None, "or_er", "OR.s e,D"),
    ("1000...1ss......", MALT, None, "or_re", "OR.s D,e"),
    # ---- 1001 SUB
    ("1001...011......", ALL, None, "suba_w", "SUBA.W e,A"),
    ("1001...111......", ALL, None, "suba_l", "SUBA.L e,A"),
    ("1001...1ss000...", None, None, "subx_rr", "SUBX.s d,D"),
    ("1001...1ss001...", None, None, "subx_mm", "SUBX.s p,P"),
    ("1001...000......", DATA, None, "sub_er_b", "SUB.B e,D"),
    ("1001...0ss......", ALL, None, "sub_er", "SUB.s e,D"),
    ("1001...1ss......", MALT, None, "sub_re", "SUB.s D,e"),
    # ---- 1011 CMP, EOR
    ("1011...011......", ALL, None, "cmpa_w", "CMPA.W e,A"),
    ("1011...111......", ALL, None, "cmpa_l", "CMPA.L e,A"),
    ("1011...1ss001...", None, None, "cmpm", "CMPM.s m,M"),
    ("1011...000......", DATA, None, "cmp_b", "CMP.B e,D"),
    ("1011...0ss......", ALL, None, "cmp", "CMP.s e,D"),
    ("1011...1ss......", DALT, None, "eor", "EOR.s D,e"),
    # ---- 1100 AND, MUL, ABCD, EXG
    ("1100...011......", DATA, None, "mulu", "MULU.W e,D"),
    ("1100...111......", DATA, None, "muls", "MULS.W e,D"),
    ("1100...100000...", None, None, "abcd_rr", "ABCD d,D"),
    ("1100...100001...", None, None, "abcd_mm", "ABCD p,P"),
    ("1100...101000...", None, None, "exg_dd", "EXG D,d"),
    ("1100...101001...", None, None, "exg_aa", "EXG A,a"),
    ("1100...110001...", None, None, "exg_da", "EXG D,a"),
    ("1100...0ss......", DATA, None, "and_er", "AND.s e,D"),
    ("1100...1ss......", MALT, None, "and_re", "AND.s D,e"),
    # ---- 1101 ADD
    ("1101...011......", ALL, None, "adda_w", "ADDA.W e,A"),
    ("1101...111......", ALL, None, "adda_l", "ADDA.L e,A"),
    ("1101...1ss000...", None, None, "addx_rr", "ADDX.s d,D"),
    ("1101...1ss001...", None, None, "addx_mm", "ADDX.s p,P"),
    ("1101...000......", DATA, None, "add_er_b", "ADD.B e,D"),
    ("1101...0ss......", ALL, None, "add_er", "ADD.s e,D"),
    ("1101...1ss......", MALT, None, "add_re", "ADD.s D,e"),
    # ---- 1110 shifts and rotates
    ("1110000011......", MALT, None, "asr_m", "ASR e"),
    ("1110000111......", MALT, None, "asl_m", "ASL e"),
    ("1110001011......", MALT, None, "lsr_m", "LSR e"),
    ("1110001111......", MALT, None, "lsl_m", "LSL e"),
    ("1110010011......", MALT, None, "roxr_m", "ROXR e"),
    ("1110010111......", MALT, None, "roxl_m", "ROXL e"),
    ("1110011011......", MALT, None, "ror_m", "ROR e"),
    ("1110011111......", MALT, None, "rol_m", "ROL e"),
    ("1110...0ss.00...", None, None, "asr", "ASR.s k,d"),
    ("1110...1ss.00...", None, None, "asl", "ASL.s k,d"),
    ("1110...0ss.01...", None, None, "lsr", "LSR.s k,d"),
    ("1110...1ss.01...", None, None, "lsl", "LSL.s k,d"),
    ("1110...0ss.10...", None, None, "roxr", "ROXR.s k,d"),
    ("1110...1ss.10...", None, None, "roxl", "ROXL.s k,d"),
    ("1110...0ss.11...", None, None, "ror", "ROR.s k,d"),
    ("1110...1ss.11...", None, None, "rol", "ROL.s k,d"),
    # ---- line A, line F
    ("1010............", None, None, "line_a", "LINEA"),
    ("1111............", None, None, "line_f", "LINEF"),
]

# Handlers specialised per addressing mode: for each opcode of these the
# generator emits a variant that calls the handler's body e_<name>(c, S, D)
# with the source and destination EA kinds as constants (the index of the
# mode letter in ALL_KINDS), so the compiler folds the mode decoding, the
# extension-word fetches and the cycle counts into straight-line code.
# The body is the same source as the generic handler h_<name> (which
# passes -1: decode at run time). Names before size expansion.
SPECIALISED = {
    "add_er", "sub_er", "and_er", "or_er", "cmp", "cmp_b", "add_er_b", "sub_er_b",
    "add_re", "sub_re", "and_re", "or_re", "eor",
    "addi", "subi", "andi", "ori", "eori", "cmpi", "addq", "subq",
    "adda_w", "adda_l", "suba_w", "suba_l", "cmpa_w", "cmpa_l",
    "neg", "negx", "not", "clr", "tst",
    "move_b", "move_w", "move_l", "movea_w", "movea_l",
    "lea", "pea", "jmp", "jsr", "mulu", "muls", "divu", "divs",
}
# Handlers specialised per condition (bits 11-8): e_<name>(c, cc, -1);
# Bcc also per displacement size: e_bcc(c, cc, 1 for a word, 0 for a byte).
SPECIALISED_CC = {"bcc", "dbcc"}
ALL_KINDS = "dam+-wxWLpPi"
KIND_IDS = ["dn", "an", "ai", "pi", "pd", "di", "ix", "aw", "al", "pcdi", "pcix", "imm"]

SIZES = {"00": "b", "01": "w", "10": "l"}

def expand():
    out = []
    for pat, src, dst, name, fmt in SPEC:
        i = pat.find("ss")
        if i < 0:
            out.append((pat, src, dst, name, fmt))
            continue
        for bits, s in SIZES.items():
            if s == "b" and name in ("addqa", "subqa"):
                continue  # ADDQ/SUBQ.B to An does not exist: illegal
            p = pat[:i] + bits + pat[i + 2:]
            f = fmt.replace(".s", "." + s.upper())
            # byte access to An is not allowed
            sset = src
            if s == "b" and sset:
                sset = sset.replace("a", "")
            out.append((p, sset, dst, name + "_" + s, f))
    return out

def matches(pat, op):
    for k, ch in enumerate(pat):
        bit = (op >> (15 - k)) & 1
        if ch == "0" and bit:
            return False
        if ch == "1" and not bit:
            return False
    return True

def base_name(name):
    for suffix in ("_b", "_w", "_l"):
        if name.endswith(suffix) and name[:-2] in SPECIALISED:
            return name[:-2]
    return name

def variant(op, src, dst, name):
    """(function name, handler, src kind, dst kind) of op's specialised
    handler, or None when the generic one runs it."""
    if name in SPECIALISED_CC:
        cc = (op >> 8) & 15
        if name == "bcc":  # and per displacement size: word when the low byte is 0
            wide = 1 if (op & 0xff) == 0 else 0
            return ("v_%s__cc%d_%s" % (name, cc, "w" if wide else "b"), name, cc, wide)
        return ("v_%s__cc%d" % (name, cc), name, cc, -1)
    if name not in SPECIALISED and base_name(name) not in SPECIALISED:
        return None
    s = ALL_KINDS.index(ea_letter((op >> 3) & 7, op & 7)) if src is not None else -1
    d = ALL_KINDS.index(ea_letter((op >> 6) & 7, (op >> 9) & 7)) if dst is not None else -1
    fn = "v_%s__%s_%s" % (name, KIND_IDS[s] if s >= 0 else "x", KIND_IDS[d] if d >= 0 else "x")
    return (fn, name, s, d)

def main():
    entries = expand()
    names = ["illegal_op"]
    fmts = ["ILLEGAL?"]
    index = {}
    for pat, src, dst, name, fmt in entries:
        if name not in index:
            index[name] = len(names)
            names.append(name)
            fmts.append(fmt)
    table = [0] * 65536
    exec_table = [0] * 65536
    variants = {}  # (fn, name, s, d) -> handler index after the generic ones
    for op in range(65536):
        for pat, src, dst, name, fmt in entries:
            if not matches(pat, op):
                continue
            if src is not None and ea_letter((op >> 3) & 7, op & 7) not in src:
                continue
            if dst is not None and ea_letter((op >> 6) & 7, (op >> 9) & 7) not in dst:
                continue
            table[op] = index[name]
            exec_table[op] = index[name]
            v = variant(op, src, dst, name)
            if v:
                if v not in variants:
                    variants[v] = len(names) + len(variants)
                exec_table[op] = variants[v]
            break
    assert len(names) < 256, len(names)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "m68k_table.h"), "w") as f:
        f.write("/* Generated by gen_table.py from its SPEC; do not edit. */\n")
        f.write("#ifndef FDX_M68K_TABLE_H\n#define FDX_M68K_TABLE_H\n#include <stdint.h>\n\n")
        f.write("/* X(handler, disassembly format) in table index order */\n")
        f.write("#define M68K_OPS(X) \\\n")
        for n, fm in zip(names, fmts):
            f.write('    X(%s, "%s") \\\n' % (n, fm))
        f.write("\n#define M68K_NOPS %d\n\n" % len(names))
        f.write("/* V(function, handler, source EA kind or condition, destination EA kind):\n"
                " * the specialised handlers, numbered from M68K_NOPS on */\n")
        f.write("#define M68K_VARIANTS(V) \\\n")
        for (fn, name, sk, dk), i in sorted(variants.items(), key=lambda kv: kv[1]):
            f.write("    V(%s, %s, %d, %d) \\\n" % (fn, name, sk, dk))
        f.write("\n#define M68K_NHANDLERS %d\n" % (len(names) + len(variants)))
        f.write("/* opcode -> instruction (disassembler, formats) */\n")
        f.write("extern const uint8_t m68k_op_index[65536];\n")
        f.write("/* opcode -> handler to run: M68K_OPS, then M68K_VARIANTS */\n")
        f.write("extern const uint16_t m68k_exec_index[65536];\n#endif\n")
    with open(os.path.join(here, "m68k_table.c"), "w") as f:
        f.write("/* Generated by gen_table.py from its SPEC; do not edit. */\n")
        f.write('#include "m68k_table.h"\n\nconst uint8_t m68k_op_index[65536] = {\n')
        for row in range(0, 65536, 16):
            f.write("    " + ",".join("%d" % v for v in table[row:row + 16]) + ",\n")
        f.write("};\n\nconst uint16_t m68k_exec_index[65536] = {\n")
        for row in range(0, 65536, 16):
            f.write("    " + ",".join("%d" % v for v in exec_table[row:row + 16]) + ",\n")
        f.write("};\n")

main()
