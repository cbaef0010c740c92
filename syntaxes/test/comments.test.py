# SYNTAX TEST "source.python" "SPDX-License-Identifier in Python comments"

# SPDX-License-Identifier: MIT OR Apache-2.0
# ^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python meta.license-identifier.spdx keyword.other.license-identifier.spdx
#                          ^^^ comment.line.number-sign.python meta.license-expression.spdx support.constant.license.spdx
#                              ^^ comment.line.number-sign.python keyword.operator.logical.spdx
#                                 ^^^^^^^^^^ comment.line.number-sign.python support.constant.license.spdx

import os  # SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
# <------ keyword.control.import.python - meta.license-identifier.spdx
#            ^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python keyword.other.license-identifier.spdx
#                                                  ^^^^ comment.line.number-sign.python keyword.operator.with.spdx
#                                                       ^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python support.constant.license-exception.spdx

# SPDX-License-Identifier: (MIT AND BSD-3-Clause) OR LicenseRef-Llama-3
#                          ^ punctuation.section.group.begin.spdx
#                                   ^^^^^^^^^^^^ support.constant.license.spdx
#                                               ^ punctuation.section.group.end.spdx
#                                                    ^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python entity.name.type.license-ref.spdx

"""SPDX-License-Identifier: MIT"""
#  ^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.docstring.multi.python - keyword.other.license-identifier.spdx
x = 1
# <- - comment.line.number-sign.python - meta.license-identifier.spdx
