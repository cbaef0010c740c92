// SYNTAX TEST "source.js" "SPDX-License-Identifier in JavaScript comments"

// SPDX-License-Identifier: MIT OR Apache-2.0
// ^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.js meta.license-identifier.spdx keyword.other.license-identifier.spdx
//                        ^ comment.line.double-slash.js meta.license-identifier.spdx punctuation.separator.key-value.spdx
//                          ^^^ comment.line.double-slash.js meta.license-expression.spdx support.constant.license.spdx
//                              ^^ comment.line.double-slash.js meta.license-expression.spdx keyword.operator.logical.spdx
//                                 ^^^^^^^^^^ comment.line.double-slash.js meta.license-expression.spdx support.constant.license.spdx

const x = 1; // SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
// <----- storage.type.js - meta.license-identifier.spdx
//              ^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.js keyword.other.license-identifier.spdx
//                                       ^^^^^^^^^^^^ comment.line.double-slash.js support.constant.license.spdx
//                                                    ^^^^ comment.line.double-slash.js keyword.operator.with.spdx
//                                                         ^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.js support.constant.license-exception.spdx

/* SPDX-License-Identifier: (MIT AND BSD-3-Clause) */ let y = 2;
// ^^^^^^^^^^^^^^^^^^^^^^^ comment.block.js keyword.other.license-identifier.spdx
//                          ^ comment.block.js punctuation.section.group.begin.spdx
//                           ^^^ comment.block.js support.constant.license.spdx
//                               ^^^ comment.block.js keyword.operator.logical.spdx
//                                   ^^^^^^^^^^^^ comment.block.js support.constant.license.spdx
//                                               ^ comment.block.js punctuation.section.group.end.spdx
//                                                 ^^ comment.block.js punctuation.definition.comment.js - meta.license-identifier.spdx
//                                                    ^^^ storage.type.js - comment.block.js

/*
 * SPDX-License-Identifier: LicenseRef-Llama-3
// ^^^^^^^^^^^^^^^^^^^^^^^ comment.block.js keyword.other.license-identifier.spdx
//                          ^^^^^^^^^^^^^^^^^^ comment.block.js meta.license-expression.spdx entity.name.type.license-ref.spdx
 */
// <~-- comment.block.js punctuation.definition.comment.js - meta.license-identifier.spdx
let z = 3; /* SPDX-License-Identifier: GPL-2.0+*/ z++;
//                                     ^^^^^^^ comment.block.js support.constant.license.spdx
//                                            ^ comment.block.js keyword.operator.or-later.spdx
//                                             ^^ comment.block.js punctuation.definition.comment.js - meta.license-identifier.spdx
//                                                ^^^ - comment.block.js

const s = "SPDX-License-Identifier: MIT";
//         ^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.js - keyword.other.license-identifier.spdx
//                                  ^^^ string.quoted.double.js - support.constant.license.spdx

// Licensed under MIT (no SPDX tag): not highlighted
//                ^^^ comment.line.double-slash.js - support.constant.license.spdx
