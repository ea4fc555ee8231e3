namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// Reads the parts of Terraform (HCL) files the deployment readers use: blocks with labels, attributes whose values
/// are strings (an interpolated one is an expression), other expressions kept as text, and nested blocks; also
/// <c>.tfvars</c> files (top-level attributes). A file it cannot read raises <see cref="FormatException"/> with the line.
/// </summary>
internal sealed class HclParser : InfraText
{
    private HclParser(string text)
        : base(text, hashComments: true)
    {
    }

    /// <summary>The file as one block (type ""): its attributes are a .tfvars file's values, its blocks the resources and variables.</summary>
    public static HclBlock Parse(string text)
    {
        var parser = new HclParser(text);
        var root = new HclBlock();
        parser.Body(root, 0, topLevel: true);
        return root;
    }

    private void Body(HclBlock block, int depth, bool topLevel)
    {
        if (depth > 64)
        {
            throw Error("nested deeper than 64 levels");
        }

        while (SkipTrivia())
        {
            if (Peek() == '}')
            {
                if (topLevel)
                {
                    throw Error("'}' without a block to close");
                }

                At++;
                return;
            }

            int start = At;
            string name = Peek() == '"' ? Quoted('"').Text : Word();
            if (name.Length == 0)
            {
                throw Error($"a name was expected, not '{Peek()}'");
            }

            SkipSpaces();
            if (Peek() == '=')
            {
                At++;
                block.Attributes[name] = Value(depth);
                continue;
            }

            var nested = new HclBlock { Type = name };
            while (SkipSpaces() && Peek() == '"')
            {
                nested.Labels.Add(Quoted('"').Text);
            }

            SkipSpaces();
            if (Peek() != '{')
            {
                throw Error($"'=' or '{{' was expected after '{name}'");
            }

            At++;
            Body(nested, depth + 1, topLevel: false);
            block.Blocks.Add(nested);
            if (At == start)
            {
                At++;
            }
        }

        if (!topLevel)
        {
            throw Error("a block is not closed");
        }
    }

    private BicepNode Value(int depth)
    {
        SkipSpaces();
        if (Peek() == '"')
        {
            return Quoted('"');
        }

        // Anything else (var.x, a number, a list or object, a function call) to the end of the line, brackets balanced.
        int start = At;
        int nesting = 0;
        while (At < Text.Length)
        {
            char c = Text[At];
            if (c == '"')
            {
                Quoted('"');
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                if (depth + ++nesting > 64)
                {
                    throw Error("nested deeper than 64 levels");
                }
            }
            else if (c is ')' or ']' or '}')
            {
                if (nesting == 0)
                {
                    break;
                }

                nesting--;
            }
            else if (c == '\n' && nesting == 0)
            {
                break;
            }

            At++;
        }

        string text = Text.Substring(start, At - start).TrimEnd();
        if (text.Length == 0)
        {
            throw Error("a value was expected");
        }

        return new BicepNode { Kind = BicepNodeKind.Expression, Text = text, Offset = start, Length = text.Length };
    }

    private string Word()
    {
        int start = At;
        while (At < Text.Length && (char.IsLetterOrDigit(Text[At]) || Text[At] is '_' or '-'))
        {
            At++;
        }

        return Text.Substring(start, At - start);
    }
}
