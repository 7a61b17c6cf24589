//! The code-point plausibility prior: how likely a character is to occur in an
//! agent file, as a cost (lower is more plausible; roughly a negative log
//! probability scaled so that 1 is "very common" and 9+ is "practically never").
//!
//! The model is hand written from general knowledge of agent files, not learned
//! from any corpus: a list of very common symbols (punctuation, arrows, box
//! drawing, status emoji), letter-frequency orders for Cyrillic, short lists of
//! frequent Han and Hangul characters, and per-block defaults for everything
//! else. Rare blocks that mojibake repair can produce by accident (C1 controls,
//! private use, IPA, alchemical symbols, CJK extension A, control pictures) are
//! expensive, so a decoding that lands there is rejected.

use std::sync::OnceLock;

/// Very common symbols in agent files, most frequent first (cost 1.0–1.6 by rank).
const COMMON: &str = "—→✅❌’–“”…•⚠✓·🚀📝🔍💡🎯📊🔧📁📄📋🐛🔥✨⭐←↑↓✗✔✘●○■□▶▼▲►◆🛠📂📌🔒🔑🧪🏗🔄⚡👉👍👎🛑🚫⛔📍📑📖📚🌐🔗📎⏱⏳⌛🗂🗃🗑💻🖥📦🧩🧠🤖👤👥🎨✏🖊📐📏⚙🔔💬🗣📣📢🔴🟠🟡🟢🔵🟣⚫⚪🟥🟧🟨🟩🟦🟪⬛⬜🔶🔷🔸🔹❗❓‼⁉✋👋🙏💪🎉🏆🥇🥈🥉📈📉💰💎🌟⭕✖➕➖➡⬅⬆⬇↗↘↙↖↩↪⤴⤵🔼🔽⏩⏪⏭⏮⏸⏹⏺🆕🆗🔜✍🧹🧭🧱🪲🧰📜🏷🔖⏰📅📆🗓🧵🔬🔭🚨🚧🛡🏠🌍🌎🌏☑☐☒✂📥📤📨📧✉💾🗄🔎♻⚖ℹ🔁🐍🏁🔓👈⇒⇐⇔↔☆★▪▫▷▽△◀◇♦™©®°±×÷≈≠≤≥∞µ½¼¾²³¹€£¥¢§¶‡′″«»‹›„‘¡¿─│┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬━┃┏┓┗┛┣┫┳┻╋▸▾▴◂█▓▒░▀▄▌▐↳⟶✦✧⚑🏃👀💥💯🤔🙂😀😊😉😎🚦🧑💼、。「」『』【】\u{20e3}";

/// Lower-case Russian letters by decreasing frequency.
const CYRILLIC_ORDER: &str = "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё";

/// Frequent Han characters, technical vocabulary of agent files first, then
/// general frequency order (simplified, traditional and Japanese usage).
const HAN: &str = "的是不在用要名称和有个中文件代码数据使配置测试函数类型返回值项目环境后合理式提前重量保持取设计标准规范则格必须确认请求描述命令行参执行输出入错误检查修改更新删除添加创建应户端服务器接口功能模块组件页面样式逻辑开发部署版本发布提交审核分析报告结果信息内容说明示例步骤任务需求问题方法处理实现支持以下所有可能如果需要注意避免使遵循操作含流程记录状态变化显式单元每个同时通过获取依赖管理系统工具库框架架构层级性能安全权限认证缓存索引日志监控错误异常并发线程进程内存资源优化调试重构注释文档翻译语言简体繁體專案規則檔案設計資料與為這個會說明範例";
/// Frequent Han characters in general frequency order.
const HAN_GENERAL: &str = "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切富随根且足引尔既客码配置依赖避免描述遵循操含析测试档函类型参返值项环境户端库框架模块调输错误异检查确保规范格注释提审核构部署优权限证求响状态缓存删除修改增询排序过滤页样布局逻辑复杂简晰详细示例骤任务需特版发更维护仓支合并冲突标签编译执脚命令插扩展集持续交付约惯佳践则层服器客段索键事务线程泄漏等待超时志录监控警计报告翻际语使場確認実装設対応処開発環境関変追加削作記説例利問題決順機画表値返呼読書込結果例";

/// Frequent Hangul syllables.
const HANGUL: &str = "이에인일의을은자라를는가고하다서지기로도한수있것니사시어대나정리아드해게요습용전으구성부경우제합세내야등파트스코작업문장위및상때동보면만과와주모그데음실행능명비설계확변추가삭생개발환테함값타입반호출오류처결방법예참규칙항필권금선택적관련터베버클언청응답형식조분석검토승배포빌";

fn sorted(list: &str) -> Vec<char> {
    let mut v: Vec<char> = list.chars().collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Cost of a character in the COMMON list by its rank, if listed.
fn common_cost(c: char) -> Option<f32> {
    static RANKS: OnceLock<Vec<(char, f32)>> = OnceLock::new();
    let ranks = RANKS.get_or_init(|| {
        let n = COMMON.chars().count() as f32;
        let mut v: Vec<(char, f32)> = Vec::new();
        for (i, ch) in COMMON.chars().enumerate() {
            if !v.iter().any(|p| p.0 == ch) {
                v.push((ch, 1.0 + 0.6 * i as f32 / n));
            }
        }
        v.sort_unstable_by_key(|p| p.0);
        v
    });
    ranks
        .binary_search_by(|p| p.0.cmp(&c))
        .ok()
        .map(|i| ranks[i].1)
}

#[derive(Clone, Copy)]
enum List {
    Hangul,
}

fn in_list(list: List, c: char) -> bool {
    static HANGUL_SET: OnceLock<Vec<char>> = OnceLock::new();
    let set = match list {
        List::Hangul => HANGUL_SET.get_or_init(|| sorted(HANGUL)),
    };
    set.binary_search(&c).is_ok()
}

/// Context-free cost of `c` (see module docs); lower is more plausible.
pub(crate) fn cost(c: char) -> f32 {
    let cp = c as u32;
    match cp {
        0x20..=0x7E | 0x09 | 0x0A | 0x0D => 0.0,
        0x00..=0x1F | 0x7F..=0x9F => 12.0,
        0xA0 => 3.0,
        0xA1..=0xBF | 0xD7 | 0xF7 => common_or(c, 2.0),
        0xC0..=0xDE => 2.8,
        0xDF..=0xFF => 1.8,
        0x100..=0x17F => 2.5,
        0x180..=0x24F => 4.5,
        // Schwa is a letter of Azerbaijani (and of transcriptions); the rest of IPA is
        // what Mac OS Roman readings land on by accident.
        0x259 => 4.5,
        0x250..=0x2AF => 8.0,
        0x2B0..=0x2FF => 6.0,
        0x300..=0x36F => 7.0,
        // Modern Greek letters; the rest of the block (archaic letters, Coptic, symbols such as
        // `ϛ` `Ͼ`) is rare in text, and is what Mac OS Roman `œõ` `œæ` would decode to.
        0x386..=0x3CE => 3.0,
        0x370..=0x3FF => 6.0,
        0x400..=0x4FF => cyrillic(c),
        0x500..=0x52F => 8.0,
        0x530..=0x58F => 6.0,
        0x590..=0x5FF => hebrew(cp),
        0x600..=0x6FF => 4.0,
        0x700..=0x8FF => 8.0,
        // Indic scripts, Sinhala; and the other living scripts of South and South-East Asia,
        // the Caucasus and Africa that message catalogues are written in (Tibetan, Myanmar,
        // Georgian, Ethiopic, Khmer): letters, like the Indic ones.
        0x900..=0xDFF
        | 0xF00..=0xFBF
        | 0x1000..=0x109F
        | 0x10A0..=0x10FF
        | 0x1200..=0x137F
        | 0x1780..=0x17F9 => 5.0,
        0xE00..=0xE7F => 4.5,
        0x1E00..=0x1EFF => 3.5,
        0x2000..=0x206F => {
            if let Some(k) = common_cost(c) {
                k
            } else {
                match cp {
                    0x2010..=0x2015 | 0x2022 | 0x2030 | 0x2032..=0x203A => 3.0,
                    0x200B..=0x200D => 5.0,
                    0x2002..=0x200A | 0x202F | 0x2060 => 3.0,
                    _ => 8.0,
                }
            }
        }
        0x20E3 | 0x20AC => 1.5,
        0x2070..=0x20CF => 5.0,
        0x2100..=0x218F => 5.0,
        0x2190..=0x21FF => common_or(c, 3.0),
        0x2200..=0x22FF => common_or(c, 3.5),
        0x2300..=0x23FF => match cp {
            0x2318 | 0x2325 | 0x23CE | 0x23E9..=0x23FA => 2.0,
            _ => 6.0,
        },
        0x2400..=0x243F => 9.0,
        0x2800..=0x28FF => 4.0,
        0x2980..=0x2AFF => 4.0,
        0x2460..=0x24FF => 4.0,
        0x2500..=0x257F => common_or(c, 2.0),
        0x2580..=0x25FF => common_or(c, 2.5),
        0x2600..=0x26FF => common_or(c, 3.0),
        0x2700..=0x27BF => common_or(c, 3.0),
        0x27C0..=0x27FF | 0x2900..=0x297F => common_or(c, 4.0),
        0x2B00..=0x2BFF => common_or(c, 4.0),
        0x2E80..=0x2FFF => 7.0,
        0x3000..=0x303F => common_or(c, 2.0),
        0x3040 | 0x3097 | 0x3098 => 9.0,
        0x3040..=0x30FF => 2.0,
        0x3130..=0x318F => 3.5,
        0x3100..=0x33FF => 7.0,
        0x3400..=0x4DBF => 9.0,
        0x4E00..=0x9FFF => han_cost(c),
        0xA000..=0xABFF => 9.0,
        0xAC00..=0xD7A3 => hangul_cost(c),
        0xE000..=0xF8FF => 11.0,
        0xF900..=0xFAFF => 8.0,
        0xFB00..=0xFB06 => 6.0,
        0xFE0F => 4.0,
        0xFE00..=0xFE0E => 9.0,
        0xFE10..=0xFE2F => 8.0,
        0xFE30..=0xFE4F => 6.0,
        0xFEFF => 3.0,
        0xFF00..=0xFFEF => 3.0,
        0xFFFD => 4.0,
        0xFFF0..=0xFFFF => 11.0,
        0x1F000..=0x1F0FF => 9.0,
        0x1F170..=0x1F1AD => common_or(c, 3.5),
        0x1F100..=0x1F1E5 => 6.0,
        0x1F1E6..=0x1F1FF => 4.0,
        0x1F200..=0x1F2FF => 6.0,
        0x1F3FB..=0x1F3FF => 7.0,
        0x1F300..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF | 0x1FA70..=0x1FAFF => {
            common_or(c, 3.5)
        }
        0x1F650..=0x1F67F => 7.0,
        0x1F7E0..=0x1F7EB => common_or(c, 3.0),
        0x1F700..=0x1F8FF => 9.0,
        0x1FA00..=0x1FA6F => 8.0,
        // Mathematical alphanumerics: bold and italic letters of styled headings.
        0x1D400..=0x1D7FF => 6.0,
        0x10000..=0x1EFFF => 9.0,
        0x20000..=0x3FFFF => 8.0,
        _ => {
            if cp < 0x10000 {
                6.0
            } else {
                10.0
            }
        }
    }
}

fn common_or(c: char, default: f32) -> f32 {
    common_cost(c).unwrap_or(default)
}

/// Han characters: listed ones by rank (2.0–3.0), others 5.0.
fn han_cost(c: char) -> f32 {
    static RANKS: OnceLock<Vec<(char, f32)>> = OnceLock::new();
    let ranks = RANKS.get_or_init(|| {
        let n = (HAN.chars().count() + HAN_GENERAL.chars().count()) as f32;
        let mut v: Vec<(char, f32)> = Vec::new();
        for (i, ch) in HAN.chars().chain(HAN_GENERAL.chars()).enumerate() {
            if !v.iter().any(|p| p.0 == ch) {
                v.push((ch, 2.0 + i as f32 / n));
            }
        }
        v.sort_unstable_by_key(|p| p.0);
        v
    });
    ranks
        .binary_search_by(|p| p.0.cmp(&c))
        .map_or(5.0, |i| ranks[i].1)
}

/// Hangul syllables: a compositional prior from how common the initial,
/// medial and final jamo are, lowered for listed frequent syllables.
fn hangul_cost(c: char) -> f32 {
    const INITIAL: [f32; 19] = [
        0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.5, 0.5, 0.5, 0.5,
        0.0,
    ];
    const MEDIAL: [f32; 21] = [
        0.0, 0.0, 0.6, 1.2, 0.0, 0.0, 0.0, 1.2, 0.0, 0.6, 1.2, 0.6, 0.6, 0.0, 0.6, 1.2, 0.6, 0.6,
        0.0, 0.6, 0.0,
    ];
    const FINAL: [f32; 28] = [
        0.0, 0.3, 1.2, 2.0, 0.3, 2.0, 2.0, 1.2, 0.3, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 0.3, 0.3,
        2.0, 0.6, 0.4, 0.3, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2,
    ];
    let idx = (c as u32 - 0xAC00) as usize;
    let base = 2.2 + INITIAL[idx / 588] + MEDIAL[(idx % 588) / 28] + FINAL[idx % 28];
    if in_list(List::Hangul, c) {
        (base - 0.7).max(1.8)
    } else {
        base
    }
}

/// Hebrew letters; the points, the maqaf and the Yiddish ligatures (`ײ` in `קײן`) that
/// Yiddish text writes; the rest of the block (cantillation marks) is rare.
fn hebrew(cp: u32) -> f32 {
    match cp {
        0x5D0..=0x5EA => 4.5,
        0x5B0..=0x5BE | 0x5C1 | 0x5C2 | 0x5F0..=0x5F4 => 5.5,
        _ => 8.0,
    }
}

fn cyrillic(c: char) -> f32 {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let capital_extra = if lower == c { 0.0 } else { 0.8 };
    if let Some(rank) = CYRILLIC_ORDER.chars().position(|x| x == lower) {
        return 1.5 + 0.08 * rank as f32 + capital_extra;
    }
    match c as u32 {
        // Ukrainian and Belarusian letters.
        0x404 | 0x406 | 0x407 | 0x40E | 0x454 | 0x456 | 0x457 | 0x45E | 0x490 | 0x491 => 3.0,
        0x400..=0x45F => 6.0,
        _ => 7.0,
    }
}

/// Whether `c` is a pictographic symbol that a variation selector, skin tone or
/// zero-width joiner may follow.
pub(crate) fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x2190..=0x21FF | 0x2300..=0x23FF | 0x25A0..=0x27BF | 0x2900..=0x297F
        | 0x2B00..=0x2BFF | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0xA9 | 0xAE | 0x203C
        | 0x2049 | 0x2122 | 0x2139 | 0x1F000..=0x1FAFF)
}

/// Whether `c` is a box-drawing character.
pub(crate) fn is_box(c: char) -> bool {
    matches!(c as u32, 0x2500..=0x257F)
}

fn box_heavy(c: char) -> Option<bool> {
    let cp = c as u32;
    if !(0x2500..=0x254B).contains(&cp) {
        return None;
    }
    Some(matches!(
        cp,
        0x2501
            | 0x2503
            | 0x250F
            | 0x2513
            | 0x2517
            | 0x251B
            | 0x2523
            | 0x252B
            | 0x2533
            | 0x253B
            | 0x254B
            | 0x2505
            | 0x2507
            | 0x2509
            | 0x250B
    ))
}

/// Cost adjustment for `c` between neighbours `prev` and `next` (None at a
/// cluster edge). Used to choose among candidates for a lost byte.
pub(crate) fn context(c: char, prev: Option<char>, next: Option<char>) -> f32 {
    let prev_pic = prev.is_some_and(|p| {
        is_pictographic(p) || p == '\u{fe0f}' || ('\u{1f3fb}'..='\u{1f3ff}').contains(&p)
    });
    let next_pic = next.is_some_and(is_pictographic);
    match c as u32 {
        0x200D => {
            if prev_pic && next_pic {
                -4.0
            } else {
                4.0
            }
        }
        0xFE0F | 0x20E3 => {
            if prev_pic {
                -3.0
            } else if prev.is_none() {
                0.0
            } else {
                4.0
            }
        }
        0x441 | 0x44F | 0x44D => cyrillic_context(c, prev, next),
        0x1F3FB..=0x1F3FF => {
            if prev_pic {
                -4.0
            } else {
                3.0
            }
        }
        _ if is_box(c) => {
            let mut adj = 0.0;
            let heavy = box_heavy(c);
            for n in [prev, next].into_iter().flatten() {
                if let (Some(h), Some(hn)) = (heavy, box_heavy(n)) {
                    adj += if h == hn { -0.7 } else { 0.7 };
                }
            }
            // Right-hand corners and tees end a row; horizontals continue it.
            let right_end = matches!(
                c as u32,
                0x2510 | 0x2518 | 0x2524 | 0x2513 | 0x251B | 0x252B | 0x2557 | 0x255D | 0x2563
            );
            if right_end && next.is_some_and(|n| is_box(n) && n != '│' && n != '┃') {
                adj += 1.5;
            }
            if right_end && !next.is_some_and(is_box) && prev.is_some_and(is_box) {
                adj -= 1.0;
            }
            // Left-hand corners and tees start a row.
            let left_start = matches!(
                c as u32,
                0x250C | 0x2514 | 0x251C | 0x250F | 0x2517 | 0x2523 | 0x2554 | 0x255A | 0x2560
            );
            if left_start && !prev.is_some_and(is_box) && next.is_some_and(is_box) {
                adj -= 1.5;
            }
            adj
        }
        _ => 0.0,
    }
}

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c as u32, 0x400..=0x45F)
}

/// Word-position evidence between с, я and э (the three letters that lose
/// their second byte in the Windows-1252 dropped variant).
fn cyrillic_context(c: char, prev: Option<char>, next: Option<char>) -> f32 {
    const CONSONANTS: &str = "бвгджзклмнпрстфхцчшщ";
    let word_end = !next.is_some_and(is_cyrillic_letter);
    let before_consonant = next.is_some_and(|n| CONSONANTS.contains(n));
    let word_start = !prev.is_some_and(is_cyrillic_letter);
    if word_start && word_end {
        // The one-letter word: the preposition "с" is far more common in instructions.
        return if c == 'с' { -0.5 } else { 0.0 };
    }
    if c == 'я' && prev.is_some_and(|p| "лниь".contains(p)) {
        return -0.9;
    }
    match c {
        'с' if before_consonant => -0.8,
        'с' if word_end && !prev.is_some_and(|p| "еоуй".contains(p)) => 0.3,
        'я' if word_end => -0.6,
        'я' if before_consonant => 0.5,
        'э' if !prev.is_some_and(is_cyrillic_letter) => -0.5,
        _ => 0.0,
    }
}
