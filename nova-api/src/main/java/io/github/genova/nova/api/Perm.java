package io.github.genova.nova.api;

/**
 * Permission bits of capabilities, by object type, with the classic (2014) bit numbers, and the
 * permissions a freshly created capability gets. A capability's permissions never grow: delegation ANDs
 * them, revocation clears them.
 */
public final class Perm {
  private Perm() {}

  /** PD: may be the owner of {@code create_pd}. */
  public static final int PD_CREATE_PD = 1 << 0;
  /** PD: may be the owner of {@code create_ec}. */
  public static final int PD_CREATE_EC = 1 << 1;
  /** PD: may be the owner of {@code create_sc}. */
  public static final int PD_CREATE_SC = 1 << 2;
  /** PD: may be the owner of {@code create_pt}. */
  public static final int PD_CREATE_PT = 1 << 3;
  /** PD: may be the owner of {@code create_sm}. */
  public static final int PD_CREATE_SM = 1 << 4;
  /** PD: all five permissions, as the root PD's capability has them. */
  public static final int PD_ALL = 0x1f;

  /** EC: {@code ec_ctrl} (recall, and the fork's further operations). */
  public static final int EC_CTRL = 1 << 0;
  /** EC: an SC may be bound to it ({@code create_sc}). */
  public static final int EC_BIND_SC = 1 << 2;
  /** EC: a portal may be bound to it ({@code create_pt}). */
  public static final int EC_BIND_PT = 1 << 3;
  /** EC: what {@code create_ec} gives its new capability (0x0d). */
  public static final int EC_FRESH = EC_CTRL | EC_BIND_SC | EC_BIND_PT;

  /** SC: {@code sc_ctrl}. */
  public static final int SC_CTRL = 1 << 0;
  /** SC: what {@code create_sc} gives its new capability (0x01). */
  public static final int SC_FRESH = SC_CTRL;

  /** PT: {@code pt_ctrl}. */
  public static final int PT_CTRL = 1 << 0;
  /** PT: may be called (enforced here, though the 2014 code did not check it). */
  public static final int PT_CALL = 1 << 1;
  /**
   * PT: Genode's NOVA fork: may be called from another CPU than the bound EC's, and may serve as the event
   * portal of an EC on another CPU; the bound EC then runs on its own CPU on time lent by the caller.
   */
  public static final int PT_XCPU = 1 << 4;
  /** PT: what {@code create_pt} gives its new capability (0x03). */
  public static final int PT_FRESH = PT_CTRL | PT_CALL;

  /** SM: {@code up}. */
  public static final int SM_UP = 1 << 0;
  /** SM: {@code down}. */
  public static final int SM_DOWN = 1 << 1;
  /** SM: what {@code create_sm} gives its new capability (0x03). */
  public static final int SM_FRESH = SM_UP | SM_DOWN;

  /** Memory: read. */
  public static final int MEM_R = 1 << 0;
  /** Memory: write. */
  public static final int MEM_W = 1 << 1;
  /** Memory: execute. */
  public static final int MEM_X = 1 << 2;
  /** Memory: read, write and execute. */
  public static final int MEM_RWX = MEM_R | MEM_W | MEM_X;

  /** I/O port: access. */
  public static final int IO_ACCESS = 1 << 0;

  /** All five permission bits, the widest mask a CRD can carry. */
  public static final int ALL = 0x1f;
}
