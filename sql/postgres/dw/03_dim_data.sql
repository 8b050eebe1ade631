-- Calendar dimension dim.dim_data, filled for [DIM_DATA_START, DIM_DATA_END] (psql variables,
-- ISO dates), with Portuguese month/day names and Brazilian national holidays. Dates already
-- present are left as they are; only missing ones are added.
-- Holidays: the fixed national ones (Lei 662/1949, 6.802/1980, 14.759/2023 for 20 November
-- from 2024) and Good Friday. Carnaval and Corpus Christi are optional days off
-- (ponto facultativo), not national holidays, so they are not flagged.

CREATE OR REPLACE FUNCTION dim.fn_pascoa(p_ano integer) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  a integer := p_ano % 19;
  b integer := p_ano / 100;
  c integer := p_ano % 100;
  d integer := b / 4;
  e integer := b % 4;
  f integer := (b + 8) / 25;
  g integer := (b - f + 1) / 3;
  h integer := (19 * a + b - d - g + 15) % 30;
  i integer := c / 4;
  k integer := c % 4;
  l integer := (32 + 2 * e + 2 * i - h - k) % 7;
  m integer := (a + 11 * h + 22 * l) / 451;
BEGIN
  RETURN make_date(p_ano, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1);
END $$;

CREATE OR REPLACE FUNCTION dim.fn_nome_feriado(p_data date) RETURNS varchar(60)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  md text := to_char(p_data, 'MM-DD');
BEGIN
  IF p_data = dim.fn_pascoa(extract(year FROM p_data)::integer) - 2 THEN RETURN 'Sexta-feira Santa'; END IF;
  RETURN CASE md
    WHEN '01-01' THEN 'Confraternização Universal'
    WHEN '04-21' THEN 'Tiradentes'
    WHEN '05-01' THEN 'Dia do Trabalho'
    WHEN '09-07' THEN 'Independência do Brasil'
    WHEN '10-12' THEN 'Nossa Senhora Aparecida'
    WHEN '11-02' THEN 'Finados'
    WHEN '11-15' THEN 'Proclamação da República'
    WHEN '11-20' THEN CASE WHEN extract(year FROM p_data) >= 2024 THEN 'Dia Nacional de Zumbi e da Consciência Negra' END
    WHEN '12-25' THEN 'Natal'
  END;
END $$;

SET dwb.dim_data_start = :'DIM_DATA_START';
SET dwb.dim_data_end = :'DIM_DATA_END';

DO $$
DECLARE
  v_start date := current_setting('dwb.dim_data_start')::date;
  v_end date := current_setting('dwb.dim_data_end')::date;
  v_added bigint;
BEGIN
  IF v_end < v_start THEN
    RAISE EXCEPTION 'DIM_DATA_END (%) is before DIM_DATA_START (%). Fix the variables of the bootstrap.', v_end, v_start;
  END IF;
  WITH dias AS (
    SELECT g::date AS data FROM generate_series(v_start, v_end, interval '1 day') AS g
  ), calendario AS (
    SELECT data,
           extract(isodow FROM data)::integer % 7 + 1 AS dia_da_semana,
           extract(month FROM data)::integer AS mes,
           dim.fn_nome_feriado(data) AS nome_feriado
      FROM dias
     WHERE NOT EXISTS (SELECT 1 FROM dim.dim_data x WHERE x.data = dias.data)
  )
  INSERT INTO dim.dim_data (data_id, data, ano, semestre, trimestre, mes, dia, semana, dia_da_semana,
         dia_do_ano, nome_mes, nome_mes_abreviado, nome_dia_semana, nome_dia_semana_abreviado, ano_mes,
         eh_fim_de_semana, eh_feriado, nome_feriado, eh_dia_util)
  SELECT to_char(data, 'YYYYMMDD')::integer,
         data,
         extract(year FROM data)::smallint,
         CASE WHEN mes <= 6 THEN 1 ELSE 2 END,
         extract(quarter FROM data)::smallint,
         mes,
         extract(day FROM data)::smallint,
         extract(week FROM data)::smallint,
         dia_da_semana,
         extract(doy FROM data)::smallint,
         (ARRAY['Janeiro','Fevereiro','Março','Abril','Maio','Junho','Julho','Agosto','Setembro','Outubro','Novembro','Dezembro'])[mes],
         (ARRAY['Jan','Fev','Mar','Abr','Mai','Jun','Jul','Ago','Set','Out','Nov','Dez'])[mes],
         (ARRAY['Domingo','Segunda-feira','Terça-feira','Quarta-feira','Quinta-feira','Sexta-feira','Sábado'])[dia_da_semana],
         (ARRAY['Dom','Seg','Ter','Qua','Qui','Sex','Sáb'])[dia_da_semana],
         to_char(data, 'YYYY-MM'),
         dia_da_semana IN (1, 7),
         nome_feriado IS NOT NULL,
         nome_feriado,
         dia_da_semana NOT IN (1, 7) AND nome_feriado IS NULL
    FROM calendario;
  GET DIAGNOSTICS v_added = ROW_COUNT;
  RAISE NOTICE 'dim.dim_data: % dates added for % .. %; % already existed.',
    v_added, v_start, v_end, (v_end - v_start + 1) - v_added;
END $$;

RESET dwb.dim_data_start;
RESET dwb.dim_data_end;
