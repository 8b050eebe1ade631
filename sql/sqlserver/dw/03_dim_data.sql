-- Calendar dimension dim.DIM_DATA, filled for [$(DIM_DATA_START), $(DIM_DATA_END)] (sqlcmd
-- variables, ISO dates), with Portuguese month/day names and Brazilian national holidays.
-- Dates already present are left as they are; only missing ones are added.
-- Holidays: the fixed national ones (20 November from 2024) and Good Friday; Carnaval and
-- Corpus Christi are optional days off (ponto facultativo), not flagged.

SET NOCOUNT ON;
GO
USE DW_ECOMMERCE;
GO
IF OBJECT_ID(N'dim.fn_pascoa') IS NOT NULL DROP FUNCTION dim.fn_pascoa;
GO
CREATE FUNCTION dim.fn_pascoa(@ano INT) RETURNS DATE
AS
BEGIN
  DECLARE @a INT = @ano % 19, @b INT = @ano / 100, @c INT = @ano % 100;
  DECLARE @d INT = @b / 4, @e INT = @b % 4, @f INT = (@b + 8) / 25;
  DECLARE @g INT = (@b - @f + 1) / 3;
  DECLARE @h INT = (19 * @a + @b - @d - @g + 15) % 30;
  DECLARE @i INT = @c / 4, @k INT = @c % 4;
  DECLARE @l INT = (32 + 2 * @e + 2 * @i - @h - @k) % 7;
  DECLARE @m INT = (@a + 11 * @h + 22 * @l) / 451;
  RETURN DATEFROMPARTS(@ano, (@h + @l - 7 * @m + 114) / 31, ((@h + @l - 7 * @m + 114) % 31) + 1);
END;
GO
IF OBJECT_ID(N'dim.fn_nome_feriado') IS NOT NULL DROP FUNCTION dim.fn_nome_feriado;
GO
CREATE FUNCTION dim.fn_nome_feriado(@data DATE) RETURNS NVARCHAR(60)
AS
BEGIN
  IF @data = DATEADD(day, -2, dim.fn_pascoa(YEAR(@data))) RETURN N'Sexta-feira Santa';
  RETURN CASE FORMAT(@data, 'MM-dd')
    WHEN '01-01' THEN N'Confraternização Universal'
    WHEN '04-21' THEN N'Tiradentes'
    WHEN '05-01' THEN N'Dia do Trabalho'
    WHEN '09-07' THEN N'Independência do Brasil'
    WHEN '10-12' THEN N'Nossa Senhora Aparecida'
    WHEN '11-02' THEN N'Finados'
    WHEN '11-15' THEN N'Proclamação da República'
    WHEN '11-20' THEN CASE WHEN YEAR(@data) >= 2024 THEN N'Dia Nacional de Zumbi e da Consciência Negra' END
    WHEN '12-25' THEN N'Natal'
  END;
END;
GO
DECLARE @inicio DATE = '$(DIM_DATA_START)', @fim DATE = '$(DIM_DATA_END)';
IF @fim < @inicio
  THROW 50001, N'DIM_DATA_END is before DIM_DATA_START. Fix the variables of the bootstrap.', 1;
WITH n AS (
  SELECT TOP (DATEDIFF(day, @inicio, @fim) + 1) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) - 1 AS k
    FROM sys.all_objects a CROSS JOIN sys.all_objects b
), dias AS (
  SELECT DATEADD(day, k, @inicio) AS data FROM n
), calendario AS (
  SELECT data,
         (DATEDIFF(day, '19000107', data) % 7) + 1 AS dia_da_semana, -- 1900-01-07 was a Sunday: 1 = domingo
         MONTH(data) AS mes,
         dim.fn_nome_feriado(data) AS nome_feriado
    FROM dias
   WHERE NOT EXISTS (SELECT 1 FROM dim.DIM_DATA x WHERE x.data = dias.data)
)
INSERT INTO dim.DIM_DATA (data_id, data, ano, semestre, trimestre, mes, dia, semana, dia_da_semana,
       dia_do_ano, nome_mes, nome_mes_abreviado, nome_dia_semana, nome_dia_semana_abreviado, ano_mes,
       eh_fim_de_semana, eh_feriado, nome_feriado, eh_dia_util)
SELECT CONVERT(INT, CONVERT(CHAR(8), data, 112)),
       data,
       YEAR(data),
       CASE WHEN mes <= 6 THEN 1 ELSE 2 END,
       DATEPART(quarter, data),
       mes,
       DAY(data),
       DATEPART(iso_week, data),
       dia_da_semana,
       DATEPART(dayofyear, data),
       CHOOSE(mes, N'Janeiro', N'Fevereiro', N'Março', N'Abril', N'Maio', N'Junho', N'Julho', N'Agosto', N'Setembro', N'Outubro', N'Novembro', N'Dezembro'),
       CHOOSE(mes, N'Jan', N'Fev', N'Mar', N'Abr', N'Mai', N'Jun', N'Jul', N'Ago', N'Set', N'Out', N'Nov', N'Dez'),
       CHOOSE(dia_da_semana, N'Domingo', N'Segunda-feira', N'Terça-feira', N'Quarta-feira', N'Quinta-feira', N'Sexta-feira', N'Sábado'),
       CHOOSE(dia_da_semana, N'Dom', N'Seg', N'Ter', N'Qua', N'Qui', N'Sex', N'Sáb'),
       FORMAT(data, 'yyyy-MM'),
       CASE WHEN dia_da_semana IN (1, 7) THEN 1 ELSE 0 END,
       CASE WHEN nome_feriado IS NOT NULL THEN 1 ELSE 0 END,
       nome_feriado,
       CASE WHEN dia_da_semana NOT IN (1, 7) AND nome_feriado IS NULL THEN 1 ELSE 0 END
  FROM calendario;
DECLARE @added INT = @@ROWCOUNT;
PRINT CONCAT(N'dim.DIM_DATA: ', @added, N' dates added for ', @inicio, N' .. ', @fim, N'; ',
             DATEDIFF(day, @inicio, @fim) + 1 - @added, N' already existed.');
GO
