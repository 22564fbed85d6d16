import type { AuditAction, AuditResult } from '../../../shared/contracts/auth.js';
import type { TokenScope } from '../../../shared/contracts/roles.js';

/** Sign-in, own account, administration and the audit log. */
export interface AccountsDict {
  nav: { users: string; tokens: string; settings: string; queues: string; audit: string; account: string };
  login: {
    title: string;
    intro: string;
    username: string;
    password: string;
    totp: string;
    totpHint: string;
    submit: string;
    busy: string;
    invalid: string;
    invalidTotp: string;
    totpNeeded: string;
    locked: (minutes: number | null) => string;
    expired: string;
    back: string;
  };
  password: {
    title: string;
    forced: string;
    current: string;
    next: string;
    confirm: string;
    mismatch: string;
    policyTitle: string;
    policy: string[];
    problems: string;
    currentWrong: string;
    submit: string;
    done: string;
  };
  totp: {
    title: string;
    intro: string;
    required: string;
    start: string;
    scan: string;
    qrAlt: string;
    secret: string;
    code: string;
    confirm: string;
    invalidCode: string;
    recoveryTitle: string;
    recoveryIntro: string;
    savedThem: string;
    continue: string;
    enabled: string;
    disableTitle: string;
    disableHint: string;
    disable: string;
    disableRequired: string;
    disabled: string;
    currentPassword: string;
  };
  account: {
    title: string;
    menu: string;
    username: string;
    displayName: string;
    roles: string;
    twoFactor: string;
    on: string;
    off: string;
    changePassword: string;
    enable2fa: string;
    manage2fa: string;
    signOut: string;
    signOutEverywhere: string;
    signOutEverywhereHint: string;
    signedAs: string;
  };
  forbidden: { title: string; text: (roles: string) => string; home: string };
  shownOnce: { copy: string; copied: string; copyFailed: string; dismiss: string };
  users: {
    title: string;
    intro: string;
    create: string;
    username: string;
    usernameHint: string;
    displayName: string;
    roles: string;
    rolesNeeded: string;
    created: (username: string) => string;
    reset: (username: string) => string;
    status: string;
    active: string;
    disabled: string;
    lockedUntil: (time: string) => string;
    mustChange: string;
    totp: string;
    lastLogin: string;
    never: string;
    actions: string;
    editRoles: string;
    saveRoles: string;
    cancel: string;
    disable: string;
    enable: string;
    disableConfirm: (username: string) => string;
    resetPassword: string;
    resetConfirm: (username: string) => string;
    resetTotp: string;
    saved: string;
  };
  tokens: {
    title: string;
    intro: string;
    name: string;
    scope: string;
    scopes: Record<TokenScope, string>;
    create: string;
    created: (name: string) => string;
    usage: string;
    prefix: string;
    createdAt: string;
    createdBy: string;
    lastUsed: string;
    never: string;
    state: string;
    active: string;
    revokedAt: (time: string) => string;
    revoke: string;
    revokeConfirm: (name: string) => string;
    empty: string;
  };
  settings: { title: string; intro: string; totpRoles: string; save: string; saved: string };
  audit: {
    title: string;
    intro: string;
    from: string;
    to: string;
    actor: string;
    action: string;
    anyAction: string;
    apply: string;
    reset: string;
    exportCsv: string;
    time: string;
    roles: string;
    ip: string;
    object: string;
    result: string;
    detail: string;
    results: Record<AuditResult, string>;
    actions: Record<AuditAction, string>;
    empty: string;
    loadMore: string;
    shown: (n: number, more: boolean) => string;
    invalidRange: string;
  };
}

export const accountsZh: AccountsDict = {
  nav: { users: '用户管理', tokens: 'API 令牌', settings: '安全设置', queues: '队列看板', audit: '审计日志', account: '我的账号' },
  login: {
    title: '登录',
    intro: '请使用本人账号登录。所有操作均记入审计日志。',
    username: '用户名',
    password: '密码',
    totp: '动态验证码或恢复码',
    totpHint: '输入身份验证器应用显示的 6 位数字，或一个恢复码（xxxxx-xxxxx）。',
    submit: '登录',
    busy: '正在登录…',
    invalid: '用户名或密码错误。',
    invalidTotp: '动态验证码或恢复码错误。',
    totpNeeded: '此账号已启用双因素认证，请输入动态验证码。',
    locked: (m) => `登录失败次数过多，已暂时锁定${m ? `，请 ${m} 分钟后再试` : '，请稍后再试'}。`,
    expired: '会话已结束（长时间未操作或已在别处退出），请重新登录。',
    back: '重新输入用户名和密码',
  },
  password: {
    title: '修改密码',
    forced: '首次登录或密码被重置后，须先设置自己的新密码才能继续使用。',
    current: '当前密码（或一次性密码）',
    next: '新密码',
    confirm: '再次输入新密码',
    mismatch: '两次输入的新密码不一致。',
    policyTitle: '密码要求',
    policy: ['至少 12 个字符（以系统配置为准）', '包含小写字母、大写字母、数字、其他字符中的至少 3 类', '不得包含用户名', '修改后，您在其他设备上的会话将全部结束'],
    problems: '新密码不符合要求：',
    currentWrong: '当前密码错误。',
    submit: '修改密码',
    done: '密码已修改。',
  },
  totp: {
    title: '双因素认证',
    intro: '启用后，登录时除密码外还需输入身份验证器应用（如 FreeOTP、Microsoft Authenticator、Google Authenticator）生成的动态码。',
    required: '您的角色要求启用双因素认证，完成后才能继续使用。',
    start: '开始设置',
    scan: '用身份验证器应用扫描二维码：',
    qrAlt: '双因素认证二维码',
    secret: '无法扫码时，手动输入此密钥：',
    code: '应用显示的 6 位验证码',
    confirm: '确认启用',
    invalidCode: '验证码错误，请输入应用当前显示的数字。',
    recoveryTitle: '恢复码',
    recoveryIntro: '手机丢失时，每个恢复码可代替动态码登录一次。恢复码只显示这一次，请打印或存入密码管理器。',
    savedThem: '我已妥善保存这些恢复码',
    continue: '继续',
    enabled: '双因素认证已启用。',
    disableTitle: '停用双因素认证',
    disableHint: '输入当前密码以停用。',
    disable: '停用',
    disableRequired: '您的角色要求双因素认证，不能停用。',
    disabled: '双因素认证已停用。',
    currentPassword: '当前密码',
  },
  account: {
    title: '我的账号',
    menu: '账号菜单',
    username: '用户名',
    displayName: '姓名',
    roles: '角色',
    twoFactor: '双因素认证',
    on: '已启用',
    off: '未启用',
    changePassword: '修改密码',
    enable2fa: '启用双因素认证',
    manage2fa: '双因素认证',
    signOut: '退出登录',
    signOutEverywhere: '退出所有设备',
    signOutEverywhereHint: '结束此账号在所有浏览器和设备上的会话。',
    signedAs: '操作人',
  },
  forbidden: {
    title: '无权访问此页面',
    text: (roles) => `您的角色（${roles}）不能查看此页面。如确需访问，请联系系统管理员调整角色。`,
    home: '返回我的首页',
  },
  shownOnce: { copy: '复制', copied: '已复制', copyFailed: '无法自动复制，请手动选择复制', dismiss: '我已记下，关闭' },
  users: {
    title: '用户管理',
    intro: '每位民警使用本人账号。新建或重置密码后生成的一次性密码只显示一次，首次登录时须修改。',
    create: '新建用户',
    username: '用户名',
    usernameHint: '3–32 位小写字母、数字、“.”“_”“-”',
    displayName: '姓名',
    roles: '角色',
    rolesNeeded: '至少选择一个角色。',
    created: (u) => `已创建用户 ${u}。一次性密码（只显示这一次，请通过安全渠道交给本人）：`,
    reset: (u) => `已重置 ${u} 的密码，其会话均已结束。新的一次性密码（只显示这一次）：`,
    status: '状态',
    active: '正常',
    disabled: '已停用',
    lockedUntil: (t) => `锁定至 ${t}`,
    mustChange: '待修改密码',
    totp: '双因素',
    lastLogin: '最近登录',
    never: '从未',
    actions: '操作',
    editRoles: '修改角色',
    saveRoles: '保存角色',
    cancel: '取消',
    disable: '停用',
    enable: '启用',
    disableConfirm: (u) => `停用用户 ${u}？其所有会话将立即结束。`,
    resetPassword: '重置密码',
    resetConfirm: (u) => `重置 ${u} 的密码？其所有会话将立即结束。`,
    resetTotp: '同时清除其双因素认证',
    saved: '已保存。',
  },
  tokens: {
    title: 'API 令牌',
    intro: '采集令牌只能写入舆情数据；只读令牌可读取数据接口，不能导出、操作事件或访问账号与审计日志。令牌只显示一次，系统只保存其哈希。',
    name: '名称',
    scope: '权限范围',
    scopes: { ingest: '采集（只写入）', read: '只读 API', metrics: '监控指标（Prometheus 采集）' },
    create: '生成令牌',
    created: (n) => `令牌“${n}”已生成。它只显示这一次，请立即复制到采集程序的配置中：`,
    usage: '使用方式：HTTP 头 Authorization: Bearer <令牌>',
    prefix: '前缀',
    createdAt: '创建时间',
    createdBy: '创建人',
    lastUsed: '最近使用',
    never: '未使用',
    state: '状态',
    active: '有效',
    revokedAt: (t) => `已于 ${t} 吊销`,
    revoke: '吊销',
    revokeConfirm: (n) => `吊销令牌“${n}”？使用它的程序将立即无法访问。`,
    empty: '还没有令牌。',
  },
  settings: {
    title: '安全设置',
    intro: '勾选的角色必须启用双因素认证：其用户下次登录后须先完成设置。',
    totpRoles: '必须启用双因素认证的角色',
    save: '保存',
    saved: '已保存。',
  },
  audit: {
    title: '审计日志',
    intro: '记录所有用户的登录、账号、令牌、配置、事件处置、导出和检索操作，只可查询和导出。每条记录与上一条以哈希相链，可用 npx yuqing audit verify 校验完整性。',
    from: '起始时间',
    to: '截止时间',
    actor: '操作人',
    action: '操作类型',
    anyAction: '全部',
    apply: '查询',
    reset: '重置',
    exportCsv: '导出 CSV',
    time: '时间',
    roles: '角色',
    ip: '来源 IP',
    object: '对象',
    result: '结果',
    detail: '详情',
    results: { ok: '成功', denied: '拒绝', failed: '失败' },
    actions: {
      'auth.login': '登录',
      'auth.login_failed': '登录失败',
      'auth.locked': '账号锁定',
      'auth.logout': '退出',
      'auth.logout_all': '退出所有设备',
      'auth.password_changed': '修改密码',
      'auth.totp_enabled': '启用双因素',
      'auth.totp_disabled': '停用双因素',
      'auth.recovery_code_used': '使用恢复码',
      'access.denied': '越权访问被拒',
      'user.created': '新建用户',
      'user.updated': '修改用户',
      'user.password_reset': '重置密码',
      'token.created': '生成令牌',
      'token.revoked': '吊销令牌',
      'settings.updated': '修改安全设置',
      'topics.updated': '修改话题规则',
      'report_subscription.changed': '修改报告推送订阅',
      'alert_rule.changed': '修改预警规则',
      'contact_point.changed': '修改通知渠道',
      'incident.acknowledge': '事件签收',
      'incident.assign': '事件指派',
      'incident.status': '事件状态变更',
      'incident.clarification': '关联辟谣',
      'review.write': '人工复核标签',
      'mentions.search': '检索舆情',
      'mentions.export': '导出舆情',
      'mentions.export_end': '导出舆情结束',
      'audit.export': '导出审计日志',
      'audit.export_end': '导出审计日志结束',
    },
    empty: '没有符合条件的记录。',
    loadMore: '加载更多',
    shown: (n, more) => `显示 ${n} 条${more ? '，还有更多' : ''}`,
    invalidRange: '起始时间须早于截止时间。',
  },
};
