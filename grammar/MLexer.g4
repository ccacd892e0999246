// Lexical grammar of the Power Query M language, after the language specification's consolidated
// grammar, plus what the product accepts beyond it (verbatim literals, `??`, `!` for section access,
// the primitive type `action`, a name ending with a dot).
lexer grammar MLexer;

channels { COMMENTS }

// ---- Keywords ----------------------------------------------------------------------------------
AND: 'and';
AS: 'as';
EACH: 'each';
ELSE: 'else';
ERROR: 'error';
FALSE: 'false';
IF: 'if';
IN: 'in';
IS: 'is';
LET: 'let';
META: 'meta';
NOT: 'not';
NULL: 'null';
OR: 'or';
OTHERWISE: 'otherwise';
SECTION: 'section';
SHARED: 'shared';
THEN: 'then';
TRUE: 'true';
TRY: 'try';
TYPE: 'type';
HASH_BINARY: '#binary';
HASH_DATE: '#date';
HASH_DATETIME: '#datetime';
HASH_DATETIMEZONE: '#datetimezone';
HASH_DURATION: '#duration';
HASH_INFINITY: '#infinity';
HASH_NAN: '#nan';
HASH_SECTIONS: '#sections';
HASH_SHARED: '#shared';
HASH_TABLE: '#table';
HASH_TIME: '#time';

// ---- Contextual keywords: keywords in one position, plain identifiers everywhere else ------------
CATCH: 'catch';
OPTIONAL: 'optional';
NULLABLE: 'nullable';
ACTION: 'action'; // a primitive type in the product, not in the specification
ANY: 'any';
ANYNONNULL: 'anynonnull';
BINARY: 'binary';
DATE: 'date';
DATETIME: 'datetime';
DATETIMEZONE: 'datetimezone';
DURATION: 'duration';
FUNCTION: 'function';
LIST: 'list';
LOGICAL: 'logical';
NONE: 'none';
NUMBER: 'number';
RECORD: 'record';
TABLE: 'table';
TEXT: 'text';
TIME: 'time';

// ---- Literals and identifiers -------------------------------------------------------------------
NUMBER_LITERAL
    : '0' [xX] HexDigit+
    | Digits '.' Digits Exponent?
    | '.' Digits Exponent?
    | Digits Exponent?
    ;

// Escapes (`#(cr)`, `#(0041)`...) are validated after parsing, where the message can name them.
TEXT_LITERAL: '"' TextChar* '"';
VERBATIM_LITERAL: '#!"' TextChar* '"';
QUOTED_IDENTIFIER: '#"' TextChar* '"';

// A regular identifier may contain dots: `Table.AddColumn` and `Column1.1` are one token.
IDENTIFIER: IdentifierStart IdentifierPart* ('.' IdentifierPart+)*;

// ---- Operators and punctuators ------------------------------------------------------------------
COMMA: ',';
SEMI: ';';
FAT_ARROW: '=>';
LE: '<=';
GE: '>=';
NE: '<>';
EQ: '=';
LT: '<';
GT: '>';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
AMP: '&';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
LBRACE: '{';
RBRACE: '}';
AT: '@';
COALESCE: '??';
QUESTION: '?';
ELLIPSIS: '...';
DOTDOT: '..';
// A lone dot: the product lets a name end with one (`Documentation. Name`, `a.`); the parser allows
// it right after a name, and the tree builder checks nothing separates them.
DOT: '.';
BANG: '!';

// ---- Trivia -------------------------------------------------------------------------------------
LINE_COMMENT: '//' ~[\r\n\u0085\u2028\u2029]* -> channel(COMMENTS);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(COMMENTS);
// Blanks and line ends in one token: fewer lexer actions. Line numbers come from the source text.
WHITESPACE: [\p{Zs}\t\u000B\u000C\r\n\u0085\u2028\u2029]+ -> skip;

// ---- Errors: unterminated constructs become one token, so the parser reports them once ------------
UNTERMINATED_TEXT: ('"' | '#"' | '#!"') TextChar* EOF;
UNTERMINATED_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'* EOF;
ERROR_CHARACTER: .;

fragment TextChar: ~'"' | '""';
fragment Digits: [0-9]+;
fragment HexDigit: [0-9a-fA-F];
fragment Exponent: [eE] [+-]? Digits;
// The specification's identifier characters are Unicode classes: letters (Lu Ll Lt Lm Lo Nl) and
// `_` start a name; digits (Nd), connectors (Pc), combining marks (Mn Mc) and format characters (Cf)
// may follow. As sets they are a thousand ranges, which the generated lexer rebuilds at every start
// (about 12 ms of a cold check), so the ASCII ones are listed and any other character is judged by
// the JDK's own classes (IdentifierCharacters), which the predicate asks only for non-ASCII text.
fragment IdentifierStart
    : [a-zA-Z_]
    | [\u0080-\u{10FFFF}] {dev.pqcert.parse.IdentifierCharacters.starts(_input.LA(-1))}?
    ;
fragment IdentifierPart
    : [a-zA-Z0-9_]
    | [\u0080-\u{10FFFF}] {dev.pqcert.parse.IdentifierCharacters.continues(_input.LA(-1))}?
    ;
