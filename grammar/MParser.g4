// Syntactic grammar of the Power Query M language, after the language specification's consolidated
// grammar. Binary operators are flat loops per precedence level (tightest last), so that a long
// `a + a + ...` chain is a wide node, not a deep one; the tree builder groups them.
parser grammar MParser;

options { tokenVocab = MLexer; }

// ---- Documents ----------------------------------------------------------------------------------
sectionDocument
    : literalAttributes? SECTION sectionName=identifier? SEMI sectionMember* EOF
    ;

sectionMember
    : literalAttributes? SHARED? memberName=identifier EQ expression SEMI
    ;

expressionDocument
    : expression EOF
    ;

// Entry points for error recovery: after a syntax error, the section header and each member
// (`;` ends a member and appears nowhere else in M) are parsed on their own.
sectionHeader
    : literalAttributes? SECTION sectionName=identifier? SEMI EOF
    ;

sectionMemberOnly
    : sectionMember EOF
    ;

// ---- Expressions --------------------------------------------------------------------------------
expression
    : eachExpression
    | functionExpression
    | letExpression
    | ifExpression
    | errorRaisingExpression
    | errorHandlingExpression
    | operatorExpression
    ;

// One left-recursive rule for every binary operator, tightest first (ANTLR turns it into
// precedence climbing): a leaf costs a handful of parse-tree nodes instead of one per level, and a
// long `a + a + ...` chain is parsed by a loop. `??` has no production in the specification; the
// product treats it as the loosest operator, grouping to the right.
operatorExpression
    : unaryExpression                                                   # operand
    | operatorExpression META operatorExpression                        # binary
    | operatorExpression (STAR | SLASH) operatorExpression              # binary
    | operatorExpression (PLUS | MINUS | AMP) operatorExpression        # binary
    | operatorExpression (LT | LE | GT | GE) operatorExpression         # binary
    | operatorExpression (EQ | NE) operatorExpression                   # binary
    | operatorExpression AS nullablePrimitiveType                       # typeAssertion
    | operatorExpression IS nullablePrimitiveType                       # typeAssertion
    | operatorExpression AND operatorExpression                         # binary
    | operatorExpression OR operatorExpression                          # binary
    | <assoc=right> operatorExpression COALESCE operatorExpression      # binary
    ;

unaryExpression
    : (PLUS | MINUS | NOT) unaryExpression
    | typeExpression
    ;

typeExpression
    : TYPE primaryType
    | primaryExpression
    ;

primaryExpression
    : primaryHead postfix*
    ;

primaryHead
    : literal                                       # literalExpression
    | listExpression                                # listHead
    | recordExpression                              # recordHead
    | section=identifier BANG member=identifier     # sectionAccessExpression
    | AT? identifier                                # identifierExpression
    | hashKeyword                                   # hashKeywordExpression
    | LPAREN expression RPAREN                      # parenthesizedExpression
    | fieldSelector                                 # implicitFieldAccess
    | projection                                    # implicitProjection
    | ELLIPSIS                                      # notImplementedExpression
    ;

postfix
    : LPAREN (expression (COMMA expression)*)? RPAREN   # invocation
    | LBRACE expression RBRACE QUESTION?                # itemAccess
    | fieldSelector                                     # fieldAccess
    | projection                                        # projectionAccess
    ;

literal
    : NUMBER_LITERAL
    | TEXT_LITERAL
    | VERBATIM_LITERAL
    | TRUE
    | FALSE
    | NULL
    ;

hashKeyword
    : HASH_BINARY | HASH_DATE | HASH_DATETIME | HASH_DATETIMEZONE | HASH_DURATION | HASH_INFINITY
    | HASH_NAN | HASH_SECTIONS | HASH_SHARED | HASH_TABLE | HASH_TIME
    ;

listExpression
    : LBRACE (listItem (COMMA listItem)*)? RBRACE
    ;

listItem
    : expression (DOTDOT expression)?
    ;

recordExpression
    : LBRACKET (field (COMMA field)*)? RBRACKET
    ;

field
    : fieldName EQ expression
    ;

fieldSelector
    : LBRACKET fieldName RBRACKET QUESTION?
    ;

projection
    : LBRACKET requiredFieldSelector (COMMA requiredFieldSelector)* RBRACKET QUESTION?
    ;

requiredFieldSelector
    : LBRACKET fieldName RBRACKET
    ;

// ---- Functions and the other top-level-only forms --------------------------------------------------
functionExpression
    : LPAREN (parameter (COMMA parameter)*)? RPAREN (AS nullablePrimitiveType)? FAT_ARROW expression
    ;

parameter
    : OPTIONAL? identifier (AS nullablePrimitiveType)?
    ;

eachExpression
    : EACH expression
    ;

// The product accepts a let that binds nothing (`let /* TODO */ in x`); the specification does not.
letExpression
    : LET (variable (COMMA variable)*)? IN expression
    ;

variable
    : identifier EQ expression
    ;

ifExpression
    : IF condition=expression THEN whenTrue=expression ELSE whenFalse=expression
    ;

errorRaisingExpression
    : ERROR expression
    ;

errorHandlingExpression
    : TRY protectedExpression=expression errorHandler?
    ;

errorHandler
    : OTHERWISE expression                                  # otherwiseClause
    | CATCH LPAREN identifier? RPAREN FAT_ARROW expression  # catchClause
    ;

// ---- Types --------------------------------------------------------------------------------------
type
    : primaryType
    | primaryExpression
    ;

primaryType
    : nullablePrimitiveType                                 # primitiveTypeRef
    | recordType                                            # recordTypeRef
    | LBRACE type RBRACE                                    # listType
    | FUNCTION LPAREN (parameterSpecification (COMMA parameterSpecification)*)? RPAREN AS type
                                                            # functionType
    | TABLE rowType                                         # tableType
    | TABLE rowExpression                                   # tableTypeFromExpression
    | NULLABLE type                                         # nullableType
    ;

// The specification's row type: a record type without the open-record marker.
rowType
    : LBRACKET (fieldSpecification (COMMA fieldSpecification)*)? RBRACKET
    ;

// The product (and its reference parser) also takes the row type from a primary expression that
// starts with a name or a parenthesis: `table rowType`, `table Type.ForRecord(fields, false)`,
// `table (rowType)`. After `table`, `[` always starts a row type, so one token decides.
rowExpression
    : rowExpressionHead postfix*
    ;

rowExpressionHead
    : AT? identifier
    | LPAREN expression RPAREN
    ;

nullablePrimitiveType
    : NULLABLE? primitiveType
    ;

primitiveType
    : ACTION | ANY | ANYNONNULL | BINARY | DATE | DATETIME | DATETIMEZONE | DURATION | FUNCTION
    | LIST | LOGICAL | NONE | NULL | NUMBER | RECORD | TABLE | TEXT | TIME | TYPE
    ;

recordType
    : LBRACKET ELLIPSIS RBRACKET
    | LBRACKET (fieldSpecification (COMMA fieldSpecification)* (COMMA ELLIPSIS)?)? RBRACKET
    ;

fieldSpecification
    : OPTIONAL? fieldName (EQ type)?
    ;

parameterSpecification
    : OPTIONAL? identifier AS type
    ;

// ---- Names --------------------------------------------------------------------------------------
// A name may end with a dot (`a.`) in the product; the dot must follow the name directly, which the
// tree builder checks.
identifier
    : IDENTIFIER DOT?
    | QUOTED_IDENTIFIER
    | contextualKeyword DOT?
    ;

contextualKeyword
    : CATCH | OPTIONAL | NULLABLE | ACTION | ANY | ANYNONNULL | BINARY | DATE | DATETIME
    | DATETIMEZONE | DURATION | FUNCTION | LIST | LOGICAL | NONE | NUMBER | RECORD | TABLE | TEXT
    | TIME
    ;

fieldName
    : generalizedIdentifier
    | QUOTED_IDENTIFIER
    ;

// Parts must be separated only by blanks, and a part may end with a dot (`Documentation. Name`, as
// the product accepts) when the dot follows a name directly; both are checked after parsing, where
// they can be named.
generalizedIdentifier
    : generalizedIdentifierPart (generalizedIdentifierPart | DOT)*
    ;

generalizedIdentifierPart
    : IDENTIFIER | NUMBER_LITERAL | contextualKeyword
    | AND | AS | EACH | ELSE | ERROR | FALSE | IF | IN | IS | LET | META | NOT | NULL | OR | OTHERWISE
    | SECTION | SHARED | THEN | TRUE | TRY | TYPE
    ;

// ---- Literal attributes -------------------------------------------------------------------------
literalAttributes
    : LBRACKET (literalField (COMMA literalField)*)? RBRACKET
    ;

literalField
    : fieldName EQ anyLiteral
    ;

// The specification's any-literal (no verbatim text), plus `#infinity` and `#nan`, which the product
// (and its reference parser) reads as number literals.
anyLiteral
    : literalAttributes
    | LBRACE (anyLiteral (COMMA anyLiteral)*)? RBRACE
    | NUMBER_LITERAL | TEXT_LITERAL | TRUE | FALSE | NULL | HASH_INFINITY | HASH_NAN
    ;
