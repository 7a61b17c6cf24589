//! Clean texts written for the mojibake development set (no corpus content).
//!
//! `TEXTS` are agent-file-like documents that get damaged; `LOOKALIKES` are
//! legitimate texts that look like mojibake and must never change. All texts
//! also belong to the must-not-change set in their clean form.

/// Clean agent-file-like texts in several languages and styles.
pub const TEXTS: &[(&str, &str)] = &[
    (
        "french",
        "---\nname: relecteur\ndescription: Relit le code et signale les problèmes de sécurité\n---\n\n# Rôle\n\nTu es un relecteur expérimenté. Avant chaque révision, vérifie que les tests passent et que la documentation est à jour. Évite les remarques générales : sois précis, cite la ligne concernée et propose une correction.\n\n## Règles\n\n- Ne modifie jamais les fichiers générés (« dist », « build »).\n- Préfère les fonctions courtes ; au-delà de 40 lignes, suggère un découpage.\n- Les messages d’erreur doivent être rédigés en français correct, avec les accents : « échec de la connexion », « délai dépassé ».\n- Où est la configuration ? Dans `config/défaut.toml`, à côté du schéma.\n\nÀ la fin, résume en trois phrases maximum. Ça suffit — pas de longs rapports.\n",
    ),
    (
        "portuguese",
        "# Instruções do agente\n\nVocê é um assistente de programação. Responda sempre em português do Brasil, com acentuação correta.\n\n## Convenções\n\n- Funções pequenas, nomes descritivos e comentários só quando a intenção não é óbvia.\n- NÃO altere arquivos de migração já aplicados. SÃO imutáveis.\n- A configuração padrão está em `config/padrão.json`; a versão de produção, em `produção.json`.\n- Antes de concluir, execute os testes e verifique a cobertura mínima de 80%.\n\nSe houver dúvida sobre a intenção do usuário, pergunte antes de agir. A atenção aos detalhes é essencial: ação, função, exceção, informação, validação.\n",
    ),
    (
        "german",
        "# Projektregeln\n\nDieses Repository enthält die Backend-Dienste für die Zahlungsabwicklung. Bitte beachte folgende Grundsätze:\n\n1. Änderungen an öffentlichen Schnittstellen müssen im Changelog dokumentiert werden.\n2. Für größere Umbauten zuerst ein kurzes Entwurfsdokument schreiben – maximal eine Seite.\n3. Prüfe vor dem Commit: `cargo fmt`, `cargo clippy` und die Integrationstests müssen grün sein.\n4. Fehlermeldungen sind für Menschen gedacht: „Verbindung fehlgeschlagen“ statt „Fehler 17“.\n\nÜbrigens: Maße werden in Millimetern angegeben, Temperaturen in °C, Beträge in € mit zwei Nachkommastellen. Die Straße heißt Königstraße, nicht Konigstrasse.\n",
    ),
    (
        "spanish",
        "# Guía para el asistente\n\n¿Qué hace este agente? Revisa las solicitudes de cambio y sugiere mejoras.\n\n## Pautas\n\n- Escribe en español neutro; usa tildes y la letra ñ correctamente: año, señal, diseño, más, también.\n- ¡No inventes APIs! Si no estás seguro, consulta la documentación oficial.\n- Las pruebas unitarias van en `tests/`; las de integración, en `integración/`.\n- Mantén la compatibilidad con la versión anterior salvo que el usuario indique lo contrario.\n\nEjemplo de mensaje de confirmación: «Corrige la validación del número de teléfono».\n",
    ),
    (
        "turkish",
        "# Ajan talimatları\n\nBu depo, sipariş yönetimi için bir mikro servis içerir. Türkçe yanıt ver ve teknik terimleri açıklarken kısa ol.\n\n- Değişiklik yapmadan önce ilgili testleri çalıştır.\n- Kullanıcı arayüzü metinlerinde Türkçe karakterleri (ç, ğ, ı, İ, ö, ş, ü) doğru kullan.\n- Günlük kayıtlarına kişisel veri yazma; özellikle şifre ve kimlik numarası asla görünmemeli.\n- Büyük değişiklikleri küçük, gözden geçirilebilir parçalara böl.\n\nÖrnek: “Sipariş durumu güncellendi” mesajı yerine “Sipariş #123 kargoya verildi” yaz.\n",
    ),
    (
        "vietnamese",
        "# Hướng dẫn cho trợ lý\n\nBạn là trợ lý lập trình. Hãy trả lời bằng tiếng Việt, ngắn gọn và chính xác.\n\n## Quy tắc\n\n- Luôn viết kiểm thử trước khi sửa lỗi.\n- Không thay đổi cấu trúc cơ sở dữ liệu khi chưa có sự đồng ý.\n- Đặt tên biến rõ ràng; tránh viết tắt khó hiểu.\n- Khi không chắc chắn, hãy hỏi lại người dùng thay vì đoán.\n\nVí dụ: “Đã cập nhật tài liệu hướng dẫn cài đặt” là một thông điệp commit tốt.\n",
    ),
    (
        "chinese",
        "# 代码审查助手\n\n你是一名资深的代码审查员。请用简体中文回答，语气专业、简洁。\n\n## 规则\n\n1. 在修改代码之前，先运行所有测试，确保当前状态是通过的。\n2. 每个函数不超过五十行；如果超过，请建议拆分为更小的函数。\n3. 不要修改自动生成的文件，例如 `dist/` 目录下的内容。\n4. 提交信息要清晰描述变更的目的和影响范围。\n5. 遵循项目已有的命名规范和代码风格，避免引入新的依赖。\n\n## 输出格式\n\n- 问题：描述发现的问题及其所在位置。\n- 建议：给出具体的修改方案和示例代码。\n- 风险：说明可能的副作用，以及需要重点测试的部分。\n",
    ),
    (
        "japanese",
        "# エージェントの指示\n\nあなたは経験豊富なソフトウェアエンジニアです。日本語で、丁寧かつ簡潔に回答してください。\n\n## ルール\n\n- コードを変更する前に、必ずテストを実行して現在の状態を確認すること。\n- 自動生成されたファイルは編集しないこと。\n- 変更内容は小さく分けて、レビューしやすくすること。\n- 不明な点があれば、推測せずにユーザーに確認すること。\n\n設定ファイルは `config/` ディレクトリにあります。詳細はドキュメントを参照してください。\n",
    ),
    (
        "korean",
        "# 에이전트 지침\n\n당신은 숙련된 개발자입니다. 한국어로 간결하고 정확하게 답변하세요.\n\n## 규칙\n\n- 코드를 수정하기 전에 반드시 테스트를 실행하세요.\n- 자동으로 생성된 파일은 수정하지 마세요.\n- 변경 사항은 작은 단위로 나누어 검토하기 쉽게 만드세요.\n- 확실하지 않은 경우 추측하지 말고 사용자에게 확인하세요.\n\n설정 파일은 `config/` 디렉터리에 있습니다. 자세한 내용은 문서를 참고하세요.\n",
    ),
    (
        "russian",
        "# Инструкции для агента\n\nТы опытный разработчик. Отвечай на русском языке, кратко и по делу.\n\n## Правила\n\n- Перед изменением кода обязательно запусти тесты.\n- Не редактируй автоматически сгенерированные файлы.\n- Разбивай большие изменения на небольшие части, чтобы их было легко проверить.\n- Если что-то неясно, спроси пользователя, а не угадывай.\n\nФайлы настроек находятся в каталоге `config/`. Подробности — в документации. Ёлка, съезд, объём, эхо, я и с ними.\n",
    ),
    (
        "emoji",
        "# Workflow ✨\n\n## Status legend\n\n- ✅ Done — merged and deployed\n- ❌ Blocked — needs a decision\n- ⚠️ At risk — deadline in danger\n- 🚀 Shipped\n- 🐛 Bug found\n- 🔍 Investigating\n- 📝 Needs docs\n- 🏁 Finished the sprint\n- 🛑 Stop: do not touch production\n- 👍 Approved, 👎 rejected\n- 🧑‍💻 Pair programming, 👩🏽‍🔬 research spike\n- 🇫🇷 French locale, 🇯🇵 Japanese locale\n\n> 💡 Tip: keep each step small. 🔥 Hot fixes go straight to the `hotfix/` branch.\n\n1️⃣ Plan → 2️⃣ Build → 3️⃣ Test → 4️⃣ Ship\n",
    ),
    (
        "box",
        "# Architecture\n\n```\n┌──────────────┐      ┌──────────────┐\n│   Frontend   │─────▶│   API (v2)   │\n└──────┬───────┘      └──────┬───────┘\n       │                     │\n       ▼                     ▼\n┌──────────────┐      ┌──────────────┐\n│    Cache     │◀─────│   Database   │\n└──────────────┘      └──────────────┘\n```\n\n```\nsrc/\n├── main.rs\n├── lib.rs\n└── repair/\n    ├── mod.rs\n    └── tables.rs\n```\n\n┏━━━━━━━━━┓\n┃ heavy box ┃\n┗━━━━━━━━━┛\n\n╔═══════╗\n║ double ║\n╚═══════╝\n\nProgress: ████████░░ 80%\n",
    ),
    (
        "symbols",
        "# Reference\n\n| Setting | Value | Note |\n|---|---|---|\n| Temperature | 20 °C ± 0.5 | room |\n| Tolerance | ½ mm | µm precision not needed |\n| Price | 9,99 € / £8.50 / ¥1200 | incl. VAT |\n| Copyright | © 2024 Example Ltd. | ® and ™ apply |\n| Ratio | 3 × 4 ÷ 2 ≈ 6 | ≠ 7, ≤ 8, ≥ 5 |\n\nSee § 4.2 ¶ 3. Items · separated · by · middots. Use “smart quotes”, ‘single quotes’, the ellipsis… and dashes – and —.\n\nArrows: ← → ↑ ↓ ⇒ ⇔. Bullets: • ◦ ▪. Check marks: ✓ ✗ ✔ ✘. Stars: ★ ☆.\n",
    ),
    (
        "mixed",
        "---\ndescription: Multilingual helper — handles i18n strings\nglobs: \"**/*.{ts,tsx}\"\n---\n\n# i18n helper 🌐\n\nKeep translations in `locales/<lang>.json`. Examples of correct strings:\n\n- fr: « Enregistrer les modifications ? »\n- de: „Änderungen speichern?“\n- es: ¿Guardar los cambios?\n- pt: Salvar as alterações?\n- ru: Сохранить изменения?\n- zh: 保存更改？\n- ja: 変更を保存しますか？\n- ko: 변경 사항을 저장하시겠습니까?\n\n⚠️ Never machine-translate legal text. ✅ Always ask a native speaker.\n",
    ),
];

/// Legitimate texts that resemble mojibake; repair must leave them byte for byte.
pub const LOOKALIKES: &[(&str, &str)] = &[
    (
        "mojibake-table",
        "# Encoding cheat sheet\n\nCommon mojibake and what it should be:\n\n| Seen | Meant |\n|---|---|\n| `Ã©` | é |\n| `Ã¨` | è |\n| `Ã¼` | ü |\n| `â€™` | ’ |\n| `â€œ` | “ |\n| `â€”` | — |\n| `Ã±` | ñ |\n",
    ),
    (
        "mojibake-code",
        "# Cleanup script\n\n```python\nFIXES = {\n    \"â€™\": \"'\",\n    \"â€œ\": '\"',\n    \"â€\\x9d\": '\"',\n    \"Ã©\": \"e\",\n}\n\ndef clean(s):\n    for bad, good in FIXES.items():\n        s = s.replace(bad, good)\n    return s\n```\n\nRun it on every exported CSV file.\n",
    ),
    (
        "mojibake-prose",
        "# Troubleshooting\n\nIf you see `Ã©` instead of accented letters, the file was decoded as Windows-1252 instead of UTF-8. A string like `â€™` means a curly apostrophe went through the same damage. Re-save the file with UTF-8 encoding.\n",
    ),
    (
        "portuguese-caps",
        "# AVISO\n\nNÃO EXECUTE ESTE SCRIPT EM PRODUÇÃO. AS MIGRAÇÕES SÃO IRREVERSÍVEIS.\nA IRMÃ DO PROJETO É A BIBLIOTECA DE VALIDAÇÃO. MAÇÃ, AMANHÃ, PÃO.\n",
    ),
    (
        "latin1-symbols",
        "Temperature 20°C ±0.5, 5µs, ½ cup, ¼ inch, ¾ done, ©2024, ®, a·b, ¿Qué?, ¡Hola!, «quote», 2×3, 10÷2, ¹²³, ª º, ¬ ¦ ¤ ¢ £ ¥ § ¨ ¯ ´ ¸.\nNo-break\u{a0}spaces\u{a0}: « bonjour\u{a0}», 10\u{a0}000\u{a0}€.\n",
    ),
    (
        "accented-caps",
        "ÀÉÎÕÜ àéîõü ÂÊÔ âêô ÃÕ ãõ Ç ç Ñ ñ Ø ø Å å Æ æ Œ œ ß ÿ Ÿ\nCAFÉ “CAFÉ” «ÉTÉ» ÉLAN, NAÏVE, CRÈME BRÛLÉE. Ð ð Þ þ ×÷.\nRegister Ä–Ö, then É’s page. “Ü” ratings: 4½/5. Straße №5.\n",
    ),
    (
        "cyrillic-greek",
        "Привет, мир! Съешь же ещё этих мягких французских булок. Ёжик, яма, эхо.\nΑλφα, βήτα, γάμμα — ΔΕΛΤΑ, λόγος, ψυχή. Ω ohm, µ micro, π ≈ 3.14159.\n",
    ),
    (
        "emoji-sequences",
        "👨‍👩‍👧‍👦 family, 🧑🏽‍💻 coder, 🏳️‍🌈 flag, 🇩🇪🇧🇷🇯🇵 flags, ❤️‍🔥, 1️⃣2️⃣#️⃣, ✌🏿, 🫠 🪲 🦀 🐍 🏗️ 🏷️ 🐳\n",
    ),
    (
        "box-and-blocks",
        "┌─┬─┐\n│a│b│\n├─┼─┤\n└─┴─┘\n┏━┳━┓ ┃x┃y┃ ┗━┻━┛\n╭───╮ ╰───╯ ▁▂▃▄▅▆▇█ ░▒▓ ■□▪▫ ◆◇ ○● ◐◑\n",
    ),
    (
        "cjk-punct",
        "「引用」と『二重』、全角：（括弧）【見出し】〜ー・。\n中文标点：“引号”、‘单引号’，《书名》……——！？\n한국어 문장입니다. 「괄호」\n",
    ),
    (
        "mac-lookalike",
        "Math: √2 ≈ 1.414, ∑ x, ∏ y, ∫ f, ∂x, ∞, ≤ ≥ ≠ ◊ ∆ Ω π.\nQuotes „low“ ‚single‘ ‹angle› ﬁ ﬂ ligatures, ı dotless, ˆ˜¯˘˙˚¸˝˛ˇ accents.\nTypographic: ‚Ä is not a word; “√” is a radical; ‰ per mille; ‡ double dagger.\n",
    ),
    (
        "bom-real",
        "\u{feff}# Title with a real BOM\r\n\r\nCRLF line endings — keep them.\r\n",
    ),
    (
        "quoted-in-table-row",
        "| Broken | Fixed | Notes |\n|---|---|---|\n| Ã© | é | e acute |\n| Ã¶ | ö | o umlaut |\n| â€” | — | em dash |\n| ðŸš€ | 🚀 | rocket |\n",
    ),
    (
        "hebrew-math",
        "Set sizes: |A| = 2×|B|, ratio ×½ is fine. Hebrew: שלום עולם, אבג.\nArabic: مرحبا بالعالم. Thai: สวัสดี. Hindi: नमस्ते.\n",
    ),
];
